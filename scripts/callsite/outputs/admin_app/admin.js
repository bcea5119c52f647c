// The call editor (issue 22): Decap CMS with the call files' own YAML format, the form's
// safety rules and a preview of the call's main facts. The form itself is config.yml,
// generated from the data model (scripts/callsite/model/cms.py).
import YAML from "./yaml/index.js";

const KIND = "__callsite_kind";
const REFUSED = "__callsite_refused";
const CMS = window.CMS;
const { h, createClass } = window;

const [config, facts] = await Promise.all([
  fetch("config.yml").then((r) => r.text()).then((text) => YAML.parse(text)),
  fetch("callsite.json").then((r) => r.json()),
]);
const collection = config.collections[0];

// --- What the form cannot hold (the same rules as unrepresentable() in model/cms.py) ------
function problems(data, fields, path = "") {
  if (!isMapping(data)) return [`${path || "(file)"}: ei kenttäryhmä / inte en grupp av fält`];
  const byName = new Map(fields.map((field) => [field.name, field]));
  const found = [];
  for (const [key, value] of Object.entries(data)) {
    const where = path ? `${path}.${key}` : key;
    const field = byName.get(key);
    if (!field) found.push(`${where}: lomakkeessa ei ole tätä kenttää / formuläret har inte detta fält`);
    else if (value !== null && value !== undefined) found.push(...valueProblems(value, field, where));
  }
  return found;
}

function valueProblems(value, field, where) {
  const shown = JSON.stringify(value);
  if (field.widget === "object") return problems(value, field.fields, where);
  if (field.widget === "list" || field.multiple) {
    if (!Array.isArray(value)) return [`${where}: ei luettelo / inte en lista`];
    return value.flatMap((item, index) =>
      field.fields ? problems(item, field.fields, `${where}[${index}]`)
        : field.widget === "list" ? valueProblems(item, field.field, `${where}[${index}]`)
          : valueProblems(item, { ...field, multiple: false }, where));
  }
  if (field.widget === "select") {
    return field.options.some((option) => option.value === value) ? []
      : [`${where}: ${shown} ei ole vaihtoehtojen joukossa / finns inte bland alternativen`];
  }
  if (field.widget === "boolean") return typeof value === "boolean" ? [] : [`${where}: ${shown} ei ole kyllä/ei`];
  if (field.widget === "number") return Number.isInteger(value) ? [] : [`${where}: ${shown} ei ole kokonaisluku`];
  return typeof value === "string" || Number.isInteger(value) ? [] : [`${where}: ${shown} ei ole tekstiä`];
}

function isMapping(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// --- Writing: no empty values, fields in the model's order -------------------------------
// A field cleared in the form is left out of the file, as if never written (an empty text
// would be refused by `callsite check`); a required group stays, even empty (funding: {}).
function tidy(value, field) {
  if (value === null || value === undefined || value === "") return undefined;
  if (Array.isArray(value)) {
    const itemField = field && (field.fields ? { widget: "object", fields: field.fields } : field.field);
    const items = value.map((item) => tidy(item, field && field.multiple ? undefined : itemField))
      .filter((item) => item !== undefined);
    return items.length || (field && field.required) ? items : undefined;
  }
  if (isMapping(value)) {
    const fields = (field && field.fields) || [];
    const out = {};
    const names = [...fields.map((f) => f.name), ...Object.keys(value).filter((k) => !fields.some((f) => f.name === k))];
    for (const name of names) {
      if (!(name in value) || name === KIND || name === REFUSED) continue;
      const tidied = tidy(value[name], fields.find((f) => f.name === name));
      if (tidied !== undefined) out[name] = tidied;
    }
    return Object.keys(out).length || (field && field.required) ? out : undefined;
  }
  return value;
}

CMS.registerCustomFormat("callsite-yaml", "yaml", {
  fromFile(content) {
    const data = YAML.parse(content, { version: "1.2", schema: "core", uniqueKeys: true }) ?? {};
    if (!isMapping(data)) return data;
    // The vocabulary beside the calls maps tag keys to labels: it is not a call (the
    // collection lists only files marked here).
    const vocabulary = isMapping(data.tags) && !("id" in data);
    if (vocabulary) return data;
    const refused = problems(data, collection.fields);
    return { ...data, [KIND]: "call", ...(refused.length ? { [REFUSED]: refused } : {}) };
  },
  toFile(data) {
    const tidied = tidy(data, { widget: "object", fields: collection.fields, required: true });
    return YAML.stringify(tidied, { version: "1.2", aliasDuplicateObjects: false, lineWidth: 100 });
  },
});

// A call with a value the form cannot show is never saved through it (that value would be
// lost or changed): the reason is shown instead, and the file is to be edited as text.
CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    const refused = entry.getIn(["data", REFUSED]);
    if (refused && refused.size) {
      throw new Error(`Tätä hakua ei voi tallentaa lomakkeella / Utlysningen kan inte sparas i formuläret: ${refused.join("; ")}`);
    }
    return entry.get("data");
  },
});

// --- Dates: text in the staff's format, with a calendar beside it ------------------------
// The text is what the file gets, as staff write it (20.8.2027 klo 16.15, or 16:15, kello, an
// ISO date: the forms the model reads). Picking a day in the calendar writes the day as
// 20.8.2027 and keeps whatever follows the day (" klo 16.15"); nothing else is rewritten.
const DAY = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})|^\s*(\d{4})-(\d{2})-(\d{2})/;
function isoDay(text) {
  const found = DAY.exec(text || "");
  if (!found) return "";
  const [year, month, day] = found[3] ? [found[3], found[2], found[1]] : [found[4], found[5], found[6]];
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}
function withDay(text, iso) {
  if (!iso) return text;
  const [year, month, day] = iso.split("-");
  const found = DAY.exec(text || "");
  const rest = found ? text.slice(found[0].length) : "";
  return `${Number(day)}.${Number(month)}.${year}${rest}`;
}
const DateControl = createClass({
  render() {
    const { value, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const text = value === null || value === undefined ? "" : String(value);
    return h("div", { className: classNameWrapper, style: { display: "flex", gap: "0.75rem", alignItems: "center" } },
      h("input", {
        type: "text", id: forID, value: text, style: { flex: "1", border: 0, outline: "none", background: "none" },
        onChange: (event) => onChange(event.target.value), onFocus: setActiveStyle, onBlur: setInactiveStyle,
      }),
      h("input", {
        type: "date", value: isoDay(text), "aria-label": uiLanguage === "sv" ? "Välj dag i kalendern" : "Valitse päivä kalenterista",
        className: "callsite-date-picker", onChange: (event) => onChange(withDay(text, event.target.value)),
      }));
  },
});
CMS.registerWidget("callsite-date", DateControl, ({ value }) => h("span", null, value || ""));

// --- Preview: the call's main facts with the site's stylesheet, and links to its pages -----
// The stylesheets a page of the site loads (the theme's, whose file name carries its version,
// and ours), read from the Finnish home page; ours alone if that page cannot be read.
const siteStyles = await fetch(`${facts.base_path}fi/`)
  .then((r) => (r.ok ? r.text() : ""))
  .then((html) => [...new DOMParser().parseFromString(html, "text/html").querySelectorAll('link[rel="stylesheet"]')]
    .map((link) => new URL(link.getAttribute("href"), new URL(`${facts.base_path}fi/`, location.href)).href))
  .catch(() => []);
for (const href of siteStyles.length ? siteStyles : [`${facts.base_path}fi/assets/stylesheets/callsite.css`]) {
  CMS.registerPreviewStyle(href);
}

// "1 500 000 euroa" / "1 500 000 euro", as the site writes sums (a text the form still refuses, as written).
const euros = (value, lang) => {
  const number = Number(String(value).replace(/\s/g, ""));
  if (!Number.isInteger(number)) return `${value} €`;
  return `${number.toLocaleString(lang === "sv" ? "sv-FI" : "fi-FI").replace(/\s/g, "\u00a0")} ${lang === "sv" ? "euro" : "euroa"}`;
};
const text = (value, lang) => (value && value.get ? value.get(lang) : undefined);

const CallPreview = createClass({
  render() {
    const data = this.props.entry.get("data");
    const refused = data.get(REFUSED);
    const languages = (data.get("languages") || ["fi", "sv"]).toJS ? data.get("languages").toJS() : ["fi", "sv"];
    const rounds = data.get("rounds") ? data.get("rounds").toJS() : [];
    const tags = data.get("tags") ? data.get("tags").toJS() : [];
    const total = data.getIn(["funding", "total", "euros"]);
    return h("article", { className: "md-typeset callsite-cms-preview", style: { padding: "0 1rem" } },
      refused && refused.size ? h("p", { className: "callsite-cms-refused", role: "alert" },
        "Tätä hakua ei voi tallentaa lomakkeella: ", refused.join("; ")) : null,
      data.get("draft") ? h("p", null, h("strong", null, "Luonnos / Utkast")) : null,
      ...languages.map((lang) => h("section", { lang, key: lang },
        h("h1", null, text(data.get("title"), lang) || "–"),
        h("ul", null,
          ...rounds.map((round, index) => h("li", { key: index },
            round.name ? `${round.name[lang] || ""}: ` : "",
            `${round.opens || "?"} – ${round.continuous ? (lang === "fi" ? "jatkuva haku" : "fortlöpande") : round.closes || "?"}`)),
          total ? h("li", null, euros(total, lang)) : null,
          tags.length ? h("li", null, tags.join(", ")) : null),
        text(data.get("purpose"), lang) ? h("p", null, text(data.get("purpose"), lang)) : null,
        text(data.get("slug"), lang) && facts.preview ? h("p", null, h("a", {
          href: `${facts.base_path}${lang}/${facts.call_sections[lang]}/${text(data.get("slug"), lang)}/`,
          target: "_blank", rel: "noopener",
        }, lang === "fi" ? "Avaa sivu esikatselussa (tallennuksen jälkeen)" : "Öppna sidan i förhandsvisningen (efter att du sparat)")) : null)));
  },
});
CMS.registerPreviewTemplate("calls", CallPreview);

// The editor's own words in the staff member's language where Decap has it: Swedish when the
// browser prefers Swedish to Finnish, else Finnish (our locale-fi.js). The form's labels and
// help come from config.yml, in Finnish.
const uiLanguage = (navigator.languages || [navigator.language])
  .map((tag) => String(tag).slice(0, 2).toLowerCase())
  .find((code) => code === "fi" || code === "sv") || "fi";
document.documentElement.lang = uiLanguage;
// Decap's Swedish lacks the list fields' add button, which it would show in English ("Add
// käsittelypäivät"): that phrase is added to Decap's own Swedish, the rest kept as it is.
const merged = (base, extra) => Object.fromEntries([...new Set([...Object.keys(base), ...Object.keys(extra)])].map(
  (key) => [key, isMapping(base[key]) && isMapping(extra[key]) ? merged(base[key], extra[key]) : extra[key] ?? base[key]]));
const swedish = CMS.getLocale && CMS.getLocale("sv");
if (swedish) {
  CMS.registerLocale("sv", merged(swedish, {
    editor: { editorWidgets: { list: { add: "Lägg till: %{item}", addType: "Lägg till: %{item}" } } },
  }));
}
CMS.init({ config: { ...config, locale: uiLanguage, load_config_file: false } });
