// admin.js registers the call file format and the preview first, then starts the CMS itself.
window.CMS_MANUAL_INIT = true;
