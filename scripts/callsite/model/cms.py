"""The browser editor's form (Decap CMS), generated from the data model (never written by hand).

``callsite schema`` writes it to ``calls/_cms.yml`` beside the JSON Schema, and the build
writes the same collection into ``/admin/config.yml`` with the site's backend settings
(:mod:`callsite.outputs.admin`). The form is walked from the pydantic models of
:mod:`callsite.model.call`, so a field added to the model appears in the form without a
change here: its label is then the field's name and its help the model's (English)
docstring until a Finnish label and help are added to the tables below (a test lists the
fields still without them).

What a form can hold, and what it cannot (:func:`unrepresentable`): every field of a call
has a widget; a value the widget cannot show (euros written as text, a tag not in the
vocabulary, a field the form does not know) makes the editor refuse to save that call,
with the reason, instead of losing the value. Comments in a call file are not kept by
the editor (the guides say so).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import yaml
from pydantic import BaseModel, WithJsonSchema

from ..messages import _
from .call import Call, Markdown, Moment, PerLanguage, Strict, Vocabulary, field_description

CMS_CONFIG_FILE = "_cms.yml"
COLLECTION = "calls"
FORMAT = "callsite-yaml"
"""The file format the admin app registers: the YAML of the call files, written so that our
strict loader reads it (no aliases, no duplicate keys), the form's fields in the model's order."""
KIND_FIELD = "__callsite_kind"
"""Added to the data of a call file when the editor reads it (and removed when it writes): the
collection lists only files with it, so the vocabulary beside the calls never opens as a call."""

# Field labels (the names used in calls/OHJE.md) and help, in Finnish: by "Class.field" or by
# the field's name wherever it appears.
LABELS = {
    "id": "Tunniste", "languages": "Kielet", "slug": "Sivun osoite", "title": "Otsikko",
    "published": "Julkaisupäivä", "draft": "Luonnos", "funder": "Rahoittaja", "grant_type": "Avustuslaji",
    "tags": "Aiheet", "rounds": "Hakuajat", "funding": "Rahoitus", "purpose": "Tarkoitus ja tausta",
    "focus_areas": "Painopisteet", "requirements": "Mitä hankkeilta edellytetään", "eligibility": "Hakijat",
    "selection_criteria": "Valintaperusteet", "legal_basis": "Säädösperusta", "contacts": "Yhteyshenkilöt",
    "links": "Linkit", "decisions": "Päätökset", "cancelled": "Peruminen", "changes": "Muutokset",
    "Round.name": "Kierroksen nimi", "opens": "Alkaa", "closes": "Päättyy", "continuous": "Jatkuva haku",
    "Round.amount": "Kierroksen raha", "total": "Kokonaissumma", "Funding.purpose": "Mihin raha on tarkoitettu",
    "Funding.text": "Rahoitus omin sanoin", "pots": "Rahan jako osiin", "Pot.name": "Osan nimi",
    "Pot.amount": "Osan raha", "max_aid_share": "Avustuksen enimmäisosuus (%)",
    "per_project": "Yhden hankkeen avustus", "min_euros": "Vähintään (euroa)", "max_euros": "Enintään (euroa)",
    "budget_dependent": "Riippuu talousarviosta", "euros": "Euroa", "precision": "Tarkkuus",
    "intro": "Johdantolause", "items": "Painopistealueet", "applicant_types": "Hakijatyypit",
    "Eligibility.text": "Ketkä voivat hakea", "participants_without_aid": "Mukana ilman avustusta",
    "Contact.name": "Nimi", "Contact.languages": "Näytetään sivuilla", "Contact.title": "Tehtävänimike",
    "email": "Sähköposti", "phone": "Puhelin", "kind": "Linkin laji", "label": "Linkin teksti",
    "url": "Osoite", "date": "Päivämäärä", "Decisions.date": "Päätökset julkaistu",
    "Decisions.url": "Linkki päätöksiin", "Cancellation.date": "Peruttu", "reason": "Syy",
    "ChangeNote.text": "Mitä muuttui", "fi": "suomeksi", "sv": "ruotsiksi", "en": "englanniksi",  # Decap adds "(valinnainen)" itself
    "collection_dates": "Käsittelypäivät", "collection": "Käsittely omin sanoin", "extended": "Hakuaikaa jatkettu",
    "original": "Alkuperäinen päättymisaika", "Extension.date": "Jatkettu (päivä)", "Round.languages": "Näytetään sivuilla",
    "Round.description": "Hakuryhmän kuvaus", "Round.eligibility": "Hakuryhmän hakijat", "Round.links": "Hakuryhmän linkit",
    "aid_share_of": "Osuus mistä kustannuksista", "per_unit": "Enimmäismäärä yksikköä kohden", "unit": "Yksikkö",
    "PerUnit.max_euros": "Enintään (euroa)", "budget_text": "Talousarvioehto omin sanoin", "status": "Tila",
    "expected_decisions": "Päätökset arviolta", "Decisions.note": "Huomautus päätöksistä",
}
HELP = {
    "en": "Valinnainen englanninkielinen versio. Se näytetään haun sivuilla otsikon \"In English\" alla; "
          "jos annat englanninkielisiä tekstejä, anna myös englanninkielinen otsikko.",
    "id": "Pysyvä tunniste ja tiedoston nimi: pienet kirjaimet a-z, numerot ja viivat. Älä muuta julkaisun jälkeen.",
    "languages": "Kielet, joilla haku julkaistaan. Kirjoita tekstit vain näillä kielillä.",
    "slug": "Sivun osoitteen loppuosa kummallakin kielellä: pienet kirjaimet a-z, numerot ja viivat.",
    "title": "Haun otsikko.",
    "published": "Julkaisupäivä, esim. 5.3.2027. Ennen sitä haku ei näy sivustolla.",
    "draft": "Luonnos näkyy vain esikatselussa. Poista valinta, kun haku julkaistaan.",
    "funder": "Rahoittaja, jos raha ei ole Opetushallituksen oma; muuten jätä tyhjäksi.",
    "grant_type": "Yleisavustus tai erityisavustus.",
    "tags": "Aiheet sanastosta (calls/_vocabulary.yaml).",
    "rounds": "Hakuaika. Jos kierroksia on useita, jokaiselle oma kohta ja nimi.",
    "Round.name": "Pakollinen, jos kierroksia on useita.",
    "opens": "Alkamispäivä, kellonaika valinnainen: 5.3.2027 tai 5.3.2027 klo 9.00 (Suomen aikaa).",
    "closes": "Päättymispäivä ja kellonaika: 20.8.2027 klo 16.15 (Suomen aikaa); pelkkä päivä vain, jos haku ei "
              "ilmoita kellonaikaa. Jätä tyhjäksi jatkuvassa haussa.",
    "continuous": "Jatkuva haku, jolla ei ole päättymispäivää.",
    "Round.amount": "Kierroksen oma raha, jos kierroksilla on omansa.",
    "funding": "Haettava raha.",
    "total": "Kokonaissumma, jos haku ilmoittaa sen; muuten jätä tyhjäksi (sivulla ei silloin näy summaa).",
    "Funding.purpose": "Jatkaa lausetta \"Opetushallitus asettaa haettaviksi noin 1,5 miljoonaa euroa ...\", "
                       "esim. kerhotoiminnan kehittämiseen.",
    "Funding.text": "Rahoitus omin sanoin, esim. \"enintään 150 euroa oppilasta kohden\".",
    "pots": "Valinnainen rahan jako nimettyihin osiin.",
    "max_aid_share": "Avustuksen enimmäisosuus hankkeen kokonaiskustannuksista prosentteina, esim. 90.",
    "per_project": "Yhden hankkeen avustuksen vähimmäis- ja enimmäismäärä.",
    "budget_dependent": "Valitse, jos raha riippuu eduskunnan hyväksymästä talousarviosta.",
    "euros": "Kokonaiset eurot, esim. 1500000.",
    "precision": "Tarkka, noin tai enintään.",
    "purpose": "Avustuksen tarkoitus ja tausta. Markdown sallittu (luettelot, linkit, lihavointi).",
    "focus_areas": "Valinnainen luettelo painopisteistä.",
    "intro": "Lause ennen luetteloa, esim. \"Hankkeet voivat keskittyä yhteen tai useampaan painopisteeseen:\".",
    "items": "Painopisteet, yksi kohta kutakin.",
    "requirements": "Mitä rahoitettavilta hankkeilta edellytetään. Markdown sallittu.",
    "eligibility": "Ketkä voivat hakea.",
    "applicant_types": "Hakijatyypit sanastosta.",
    "Eligibility.text": "Ketkä voivat hakea, kokonaisin lausein; jätä tyhjäksi, jos hakijatyypit riittävät.",
    "participants_without_aid": "Ketkä voivat olla mukana saamatta avustusta, esim. valtion oppilaitokset.",
    "selection_criteria": "Valintaperusteet. Markdown sallittu.",
    "legal_basis": "Säädösperusta, esim. Valtionavustuslaki (688/2001).",
    "contacts": "Yhteyshenkilöt.",
    "Contact.languages": "Jätä tyhjäksi, jos yhteyshenkilö näytetään haun kaikilla sivuilla.",
    "Contact.title": "Tehtävänimike kummallakin kielellä.",
    "phone": "Esim. +358 29 533 1000.",
    "links": "Hakulomake, hakutiedote, liitteet, lisätietoa.",
    "kind": "Hakulomake, hakutiedote, liite tai lisätietoa.",
    "url": "Osoite kummallakin kielellä: https://, http:// tai mailto:.",
    "decisions": "Täytä, kun päätökset on julkaistu.",
    "Decisions.date": "Päivä, jona päätökset julkaistiin, esim. 15.12.2027.",
    "cancelled": "Täytä, kun haku perutaan.",
    "Cancellation.date": "Perumispäivä, esim. 1.4.2027.",
    "reason": "Valinnainen syy, joka näytetään sivulla.",
    "changes": "Muutokset julkaisun jälkeen, esim. jatkettu hakuaika; sivu näyttää uusimman ensin.",
    "ChangeNote.date": "Muutoksen päivä, esim. 24.11.2027.",
    "ChangeNote.text": "Mitä muuttui, esim. \"Hakuaikaa jatkettu 15.1.2028 asti.\"",
    "collection_dates": "Vain jatkuvassa haussa: päivät, joina siihen mennessä saapuneet hakemukset otetaan "
                        "käsittelyyn, esim. 15.3.2027.",
    "collection": "Vain jatkuvassa haussa: milloin hakemukset käsitellään, omin sanoin, esim. "
                  "\"Hakemukset käsitellään 2–3 kertaa vuodessa.\"",
    "extended": "Täytä, kun hakuaikaa on jatkettu: alkuperäinen päättymisaika (ja milloin ja miksi jatkettiin). "
                "Kirjoita uusi päättymisaika kohtaan Päättyy.",
    "original": "Alun perin ilmoitettu päättymisaika, esim. 8.1.2027 klo 16.15; sivu näyttää sen uuden rinnalla.",
    "Extension.date": "Päivä, jona hakuaikaa jatkettiin.",
    "Extension.reason": "Valinnainen syy jatkamiselle.",
    "Round.languages": "Kielet, joiden sivuilla tämä kierros tai hakuryhmä näytetään; jätä tyhjäksi, jos kaikilla.",
    "Round.description": "Mitä tämä hakuryhmä rahoittaa, kun haussa on ryhmiä (hakuryhmä A, B, C). Markdown sallittu.",
    "Round.eligibility": "Ketkä voivat hakea tässä hakuryhmässä. Markdown sallittu.",
    "Round.links": "Tämän hakuryhmän omat linkit.",
    "aid_share_of": "Mistä kustannuksista enimmäisosuus lasketaan: kokonaiskustannukset (oletus), hyväksyttävät "
                    "tai laskennalliset kustannukset.",
    "Pot.name": "Osan nimi kummallakin kielellä.",
    "Pot.amount": "Tämän osan raha.",
    "min_euros": "Pienin yhdelle hankkeelle myönnettävä avustus euroina.",
    "max_euros": "Suurin yhdelle hankkeelle myönnettävä avustus euroina.",
    "per_unit": "Enimmäismäärä yksikköä kohden, esim. enintään 150 euroa oppilasta kohden.",
    "PerUnit.max_euros": "Enintään euroa yksikköä kohden, esim. 150.",
    "unit": "Jatkaa lausetta \"enintään 150 euroa ...\", esim. oppilasta kohden / per elev.",
    "budget_text": "Talousarvioehto omin sanoin (esim. lisätalousarvio); näytetään vakiolauseen sijaan.",
    "status": "Vain kun päivät eivät kerro: arvioitavana hakuajan päätyttyä tai ratkaistu, kun päätökset on "
              "tehty mutta ei vielä julkaistu.",
    "expected_decisions": "Milloin päätökset arviolta tehdään, omin sanoin, esim. \"arviolta kesäkuussa 2027\".",
    "Decisions.note": "Valinnainen huomautus, esim. \"Päätökset on lähetetty hakijoille sähköpostitse.\"",
    "Decisions.url": "Valinnainen linkki päätöksiin kummallakin kielellä.",
}
OPTION_LABELS = {
    "general": "yleisavustus", "special": "erityisavustus",
    "exact": "tarkka", "approximately": "noin", "at_most": "enintään",
    "application": "hakulomake", "announcement": "hakutiedote", "attachment": "liite", "more_info": "lisätietoa",
    "fi": "suomi", "sv": "ruotsi",
    "under_assessment": "arvioitavana", "decided": "ratkaistu",
    "total": "kokonaiskustannukset", "eligible": "hyväksyttävät kustannukset", "calculated": "laskennalliset kustannukset",
}
PATTERN_MESSAGES = {
    "date": "päivämäärä, esim. 20.8.2027",
    "moment": "päivämäärä, kellonaika valinnainen: 5.3.2027 tai 5.3.2027 klo 9.00",
    "deadline": "päivämäärä ja kellonaika: 20.8.2027 klo 16.15 (pelkkä päivä, jos haku ei ilmoita kellonaikaa)",
    "euros": "kokonaiset eurot, esim. 1500000 tai 1 500 000",
    "other": "tarkista muoto (ohje kentän alla)",
}
VOCABULARY_FIELDS = {"tags": "tags", "applicant_types": "applicant_types", "funder": "funders"}
"""Fields whose values are keys of a list in calls/_vocabulary.yaml: selects with its labels."""
FORM_DEFAULTS = {"Call.draft": True, "Call.languages": ["fi", "sv"]}
"""Values a new call starts with in the form: a new call is a draft, as with ``callsite new``
(the model's default is a published call), in both languages (the model's default too)."""


@dataclass(frozen=True)
class Unrepresentable:
    """A field of the model the form cannot hold, and why."""

    path: str
    reason: str


class _Walk:
    def __init__(self, vocabulary: Vocabulary | None):
        self.vocabulary = vocabulary
        self.skipped: list[Unrepresentable] = []
        # Inside an optional group (funding.total, decisions) nothing is required by the form:
        # Decap checks a group's fields even when the group is left empty, so a required field
        # there would stop every save. `callsite check` says what such a group lacks.
        self.inside_optional = False

    def model_fields(self, model: type[BaseModel], path: str) -> list[dict]:
        fields = []
        for name, info in model.model_fields.items():
            field = self.field(model, name, info, f"{path}.{name}" if path else name)
            if field is not None:
                fields.append(field)
        return fields

    def field(self, model: type[BaseModel], name: str, info, path: str) -> dict | None:
        tp, metadata, optional = _unwrap(info.annotation, list(info.metadata))
        required = info.is_required() and not optional and not self.inside_optional
        outer, self.inside_optional = self.inside_optional, not required
        try:
            widget = self.widget(model, name, tp, metadata, path)
        finally:
            self.inside_optional = outer
        if widget is None:
            return None
        key = f"{model.__name__}.{name}"
        field = {"name": name, "label": LABELS.get(key) or LABELS.get(name) or name}
        hint = HELP.get(key) or HELP.get(name) or field_description(model, name)
        if hint and not (issubclass(model, PerLanguage) and name in ("fi", "sv")):
            field["hint"] = " ".join(hint.split())
        field.update(widget)
        field["required"] = required
        # Only these: a model default written by the form would fill an optional group the
        # staff left empty (a total with a precision and no euros), which check then refuses.
        if key in FORM_DEFAULTS:
            field["default"] = FORM_DEFAULTS[key]
        if widget["widget"] == "list" and required:
            field["min"] = max(1, field.get("min", 1))
        elif widget["widget"] == "list":
            field["default"] = []  # else Decap starts a new call with one empty item, which it then requires
        return field

    def widget(self, model, name: str, tp, metadata: list, path: str) -> dict | None:
        vocabulary_list = VOCABULARY_FIELDS.get(name)
        if _is_tuple(tp):
            item, item_metadata, _optional = _unwrap(typing.get_args(tp)[0], [])
            min_items = next((m.min_length for m in metadata if getattr(m, "min_length", None)), None)
            extra = {"min": min_items} if min_items else {}
            if vocabulary_list or typing.get_origin(item) is Literal:
                options = self.options(vocabulary_list, item)
                if options is None:
                    return None
                return {"widget": "select", "multiple": True, "options": options, **extra}
            if isinstance(item, type) and issubclass(item, BaseModel):
                # An item exists only once staff add it: its own required fields are required.
                outer, self.inside_optional = self.inside_optional, False
                try:
                    item_fields = self.object_fields(item, path)
                finally:
                    self.inside_optional = outer
                return {"widget": "list", "collapsed": False, "fields": item_fields, **extra}
            inner = self.widget(model, name, item, item_metadata, path)
            if inner is None:
                return None
            return {"widget": "list", "field": {"name": name, "label": LABELS.get(name, name), **inner}, **extra}
        if vocabulary_list:
            options = self.options(vocabulary_list, tp)
            return None if options is None else {"widget": "select", "options": options}
        if typing.get_origin(tp) is Literal:
            return {"widget": "select", "options": self.options(None, tp)}
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return {"widget": "object", "collapsed": False, "fields": self.object_fields(tp, path)}
        if tp is bool:
            return {"widget": "boolean"}
        if tp is int:
            # Euros may be written "1 500 000" (as the guides do): a text field keeps that form.
            text_form = next((alt["pattern"] for alt in _json_schema(metadata).get("anyOf", ())
                              if alt.get("type") == "string" and "pattern" in alt), None)
            if text_form is not None:
                pattern = f"^(?:[0-9]+|{text_form.strip('^$')})$"
                return {"widget": "string", "pattern": [pattern, PATTERN_MESSAGES["euros"]]}
            number = {"widget": "number", "value_type": "int"}
            for item in metadata:
                if getattr(item, "gt", None) is not None:
                    number["min"] = item.gt + 1
                if getattr(item, "ge", None) is not None:
                    number["min"] = item.ge
                if getattr(item, "le", None) is not None:
                    number["max"] = item.le
            return number
        if tp in (dt.date, dt.datetime, Moment):
            pattern = _text_pattern(_json_schema(metadata))
            if pattern is None:
                self.skipped.append(Unrepresentable(path, "a date without a text pattern"))
                return None
            kind = {dt.date: "date", Moment: "moment", dt.datetime: "deadline"}[tp]
            # Text in the staff's format, with a calendar beside it (admin_app/admin.js,
            # "callsite-date"): picking a day writes 20.8.2027 and keeps the time written after it.
            return {"widget": "callsite-date", "pattern": [pattern, PATTERN_MESSAGES[kind]]}
        if tp is str:
            string = {"widget": "text" if issubclass(model, Markdown) else "string"}
            pattern = next((m.pattern for m in metadata if isinstance(getattr(m, "pattern", None), str)), None)
            # Python's \p classes have no equivalent in a JavaScript regex without the u flag;
            # the text rule they belong to is left to `callsite check`.
            if pattern and "\\p" not in pattern:
                string["pattern"] = [pattern, PATTERN_MESSAGES["other"]]
            return string
        self.skipped.append(Unrepresentable(path, f"no form widget for {tp!r}"))
        return None

    def object_fields(self, model: type[BaseModel], path: str) -> list[dict]:
        return self.model_fields(model, path)

    def options(self, vocabulary_list: str | None, tp) -> list[dict] | None:
        if vocabulary_list is not None:
            if self.vocabulary is None:
                return []
            entries = getattr(self.vocabulary, vocabulary_list)
            return [{"label": f"{label.fi} / {label.sv}", "value": key} for key, label in entries.items()]
        return [{"label": OPTION_LABELS.get(value, value), "value": value} for value in typing.get_args(tp)]


def _unwrap(tp, metadata: list) -> tuple[Any, list, bool]:
    """The type inside Annotated and Optional, the metadata found on the way, and whether None is allowed."""
    optional = False
    while True:
        origin = typing.get_origin(tp)
        if origin is Annotated:
            tp, *more = typing.get_args(tp)
            metadata = [*metadata, *more]
        elif origin in (Union, types.UnionType):
            args = [arg for arg in typing.get_args(tp) if arg is not type(None)]
            if len(args) != 1:
                return tp, metadata, optional
            optional, tp = True, args[0]
        else:
            return tp, metadata, optional


def _is_tuple(tp) -> bool:
    return typing.get_origin(tp) is tuple


def _json_schema(metadata: list) -> dict:
    return next((m.json_schema for m in metadata if isinstance(m, WithJsonSchema) and m.json_schema), {})


def _text_pattern(schema: dict) -> str | None:
    """The pattern of text a JSON Schema accepts: its own, or its alternatives' joined."""
    if schema.get("type") == "string" and "pattern" in schema:
        return schema["pattern"]
    alternatives = [_text_pattern(alt) for alt in schema.get("anyOf", ())]
    if alternatives and all(alternatives):
        return "|".join(f"(?:{alt})" for alt in alternatives)
    return None


def call_fields(vocabulary: Vocabulary | None) -> tuple[list[dict], list[Unrepresentable]]:
    """The form's fields for a call, and the model's fields it leaves out (with why)."""
    walk = _Walk(vocabulary)
    return walk.model_fields(Call, ""), walk.skipped


def collection(vocabulary: Vocabulary | None, folder: str = "calls") -> dict:
    fields, _skipped = call_fields(vocabulary)
    return {
        "name": COLLECTION,
        "label": "Rahoitushaut",
        "label_singular": "rahoitushaku",
        "description": "Jokainen haku on yksi tiedosto kansiossa calls/. Tallenna ja tarkista: callsite check.",
        "folder": folder,
        "extension": "yaml",
        "format": FORMAT,
        "filter": {"field": KIND_FIELD, "value": "call"},
        "create": True,
        "delete": False,
        "identifier_field": "id",
        "slug": "{{id}}",
        "summary": "{{title.fi}} {{title.sv}} ({{id}})",
        "sortable_fields": ["id", "published"],
        "editor": {"preview": True},
        "fields": fields,
    }


def cms_config(vocabulary: Vocabulary | None, folder: str = "calls") -> dict:
    """The form as Decap CMS reads it, without the backend (the site's settings add that)."""
    _fields, skipped = call_fields(vocabulary)
    config = {
        "locale": "fi",
        # Required by Decap although no field uploads files.
        "media_folder": f"{folder}/_media",
        "collections": [collection(vocabulary, folder)],
    }
    if skipped:
        config["x_callsite_not_in_form"] = [{"path": s.path, "reason": s.reason} for s in skipped]
    return config


# libyaml's emitter when PyYAML has it (the same bytes; 4 ms instead of 27 ms, on every build).
class _NoAliases(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    def ignore_aliases(self, data) -> bool:
        return True


def serialise(config: dict) -> str:
    """Stable YAML text without anchors or aliases (the test compares the bytes)."""
    header = "# Generated from the data model by `callsite schema`; do not edit by hand.\n"
    return header + yaml.dump(config, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=100)


def cms_files(calls_dir: Path, vocabulary: Vocabulary | None) -> dict[Path, str]:
    """Target path -> text, as :func:`callsite.model.schema.schema_files` gives the schemas."""
    return {calls_dir / CMS_CONFIG_FILE: serialise(cms_config(vocabulary))}


# --- What the form cannot hold --------------------------------------------------------------

def unrepresentable(data: Any, fields: list[dict], path: str = "") -> list[str]:
    """Why the form cannot hold ``data`` (a call file's plain data) unchanged: a value it would
    not show, or a field it does not have. Empty when the form holds it all. The admin app
    (admin.js) walks the data the same way and refuses to save such a call."""
    if not isinstance(data, dict):
        return [_("{where}: not a group of fields").format(where=path or "(file)")]
    found = []
    by_name = {field["name"]: field for field in fields}
    for key, value in data.items():
        where = f"{path}.{key}" if path else str(key)
        field = by_name.get(key)
        if field is None:
            found.append(_("{where}: the form has no such field").format(where=where))
        elif value is not None:
            found.extend(_value_problems(value, field, where))
    return found


def _value_problems(value: Any, field: dict, where: str) -> list[str]:
    widget = field["widget"]
    shown = repr(value) if isinstance(value, str) else yaml.safe_dump(value, default_flow_style=True).strip()
    if widget == "object":
        return unrepresentable(value, field["fields"], where)
    if widget == "list" or field.get("multiple"):
        if not isinstance(value, list):
            return [_("{where}: not a list").format(where=where)]
        found = []
        for index, item in enumerate(value):
            if "fields" in field:
                found.extend(unrepresentable(item, field["fields"], f"{where}[{index}]"))
            elif widget == "list":
                found.extend(_value_problems(item, field["field"], f"{where}[{index}]"))
            else:
                found.extend(_value_problems(item, {**field, "multiple": False}, where))
        return found
    if widget == "select":
        if value in {option["value"] for option in field["options"]}:
            return []
        return [_("{where}: {value} is not one of the choices").format(where=where, value=shown)]
    if widget == "boolean":
        return [] if isinstance(value, bool) else [
            _("{where}: {value} is not true or false").format(where=where, value=shown)]
    if widget == "number":
        return [] if isinstance(value, int) and not isinstance(value, bool) else [
            _("{where}: {value} is not written as a whole number").format(where=where, value=shown)]
    # A text field shows a whole number as it is (euros: 1500000) and keeps it.
    if isinstance(value, str) or isinstance(value, int) and not isinstance(value, bool):
        return []
    return [_("{where}: {value} is not text").format(where=where, value=shown)]
