// The compose page: served by the site itself, no framework, no request. Without JavaScript
// the form stays hidden and the page explains the file to add by hand.
//
// As one types, the form becomes the file rse expects (YAML front matter, then the Markdown
// body) and its path, checked against rse's JSON Schemas (embedded in the page by the view,
// rse_build/views/compose.py) and against the community the site shows (does the note exist,
// is it a question, is the handle taken). The host's new-file page is then a link the reader
// follows: GitHub and GitLab fill the file in from its address (RepoLinks.new_file builds the
// same address in Python); other hosts get the folder's new-file page and a copy button.
//
// The JSON Schema validator is @cfworker/json-schema 4.1.6 (MIT, no eval: the page's
// Content-Security-Policy holds), vendored in ./vendor/cfworker-json-schema/ (see its README.md).
import { Validator } from "./vendor/cfworker-json-schema/index.js";

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// What YAML reads back as the same text when written bare; anything else is written as a JSON
// string, which YAML reads as it is (quotes, colons, accents, #, commas in a list...).
const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} _.()/+@'-]*$/u;
const YAML_WORD = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;
const NUMBERISH = /^[-+.\d]/;
const MOMENT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?$/;
const NOTE_TYPES = ["note", "howto", "idea", "question", "event"];
// A response's kind and the type of note it needs.
const NEEDS = { answer: "question", rsvp: "event", support: "idea" };

// A value worth writing: not missing, not empty text, not an empty list.
function given(value) {
  return value !== undefined && value !== "" && !(Array.isArray(value) && !value.length);
}

function scalar(value) {
  if (typeof value === "number") return String(value);
  if (MOMENT.test(value)) return value;
  if (ID.test(value) && !/^[\d-]+$/.test(value)) return value;
  if (PLAIN.test(value) && !YAML_WORD.test(value) && !NUMBERISH.test(value) && !/\s$/.test(value)) {
    return value;
  }
  return JSON.stringify(value);
}

// The file: the keys that have a value, in `order`, lists in flow style; then the body.
function fileText(data, order, body) {
  const lines = order
    .filter((key) => given(data[key]))
    .map((key) => {
      const value = data[key];
      return `${key}: ${Array.isArray(value) ? `[${value.map(scalar).join(", ")}]` : scalar(value)}`;
    });
  return `---\n${lines.map((line) => `${line}\n`).join("")}---\n${body ? `${body}\n` : ""}`;
}

// The same escaping as RepoLinks.new_file's (encodeURIComponent), each path segment apart.
function encodePath(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}

function slug(text) {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function localDay() {
  const now = new Date();
  const two = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

function isTimeZone(name) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch (error) {
    return false;
  }
}

function setup() {
  const form = document.querySelector("[data-rse-compose]");
  const source = document.getElementById("rse-compose-data");
  if (!form || !source || form.dataset.ready) return;
  form.dataset.ready = "1";
  const data = JSON.parse(source.textContent);
  const say = (key, values = {}) =>
    (data.messages[key] || key).replace(/\{(\w+)\}/g, (all, name) => (name in values ? values[name] : all));
  const validators = {};
  for (const [name, schema] of Object.entries(data.schemas)) {
    validators[name] = new Validator(schema, "7", false);
  }
  const kind = document.getElementById("rse-compose-kind");
  const fields = Array.from(form.querySelectorAll("[data-kinds]"));
  const control = (wrapper) => wrapper.querySelector("input, select, textarea");
  const byId = (id) => document.getElementById(id);
  const find = (selector) => form.querySelector(selector);
  const out = {
    target: find("[data-rse-target]"),
    problems: find("[data-rse-problems]"),
    file: find("[data-rse-file]"),
    path: find("[data-rse-path]"),
    text: find("[data-rse-text]"),
    open: find("[data-rse-open]"),
    how: find("[data-rse-how]"),
    copy: find("[data-rse-copy]"),
    copied: find("[data-rse-copied]"),
    support: find("[data-rse-support]"),
    supportText: find("[data-rse-support-text]"),
    supportOpen: find("[data-rse-support-open]"),
  };
  const repo = data.repo;
  // A note is named by its id, or by its path under content/ without `.md` (its key).
  const keyOf = (path) => path.replace(/(\/index)?\.md$/, "");
  const refs = new Map(Object.keys(data.notes).map((ref) => [ref, ref]));
  for (const [ref, note] of Object.entries(data.notes)) {
    if (!refs.has(keyOf(note[2]))) refs.set(keyOf(note[2]), ref);
  }
  const idField = byId("rse-compose-id");
  const titleField = byId("rse-compose-title");
  let idTyped = false;

  // The values of the fields the chosen kind shows, by front matter key, with their labels.
  function values(chosen) {
    const found = {};
    const labels = {};
    for (const wrapper of fields) {
      const shown = wrapper.dataset.kinds.split(" ").includes(chosen);
      if (wrapper.hidden === shown) wrapper.hidden = !shown;
      const input = control(wrapper);
      const required = shown && wrapper.dataset.required.split(" ").includes(chosen);
      input.setAttribute("aria-required", String(required));
      if (!shown) continue;
      const raw = input.name === "body" ? input.value.replace(/\r\n?/g, "\n").trim() : input.value.trim();
      found[input.name] = input.hasAttribute("data-listed")
        ? raw.split(",").map((item) => item.trim()).filter(Boolean)
        : raw;
      labels[input.name] = { label: wrapper.querySelector("label").textContent, input, required };
    }
    return { found, labels };
  }

  function build() {
    const chosen = kind.value;
    const { found, labels } = values(chosen);
    const problems = [];
    // Said, without holding the file back: a profile this site does not show may exist.
    const notices = [];
    const problem = (message, key) => {
      problems.push(message);
      if (key && labels[key]) labels[key].input.setAttribute("aria-invalid", "true");
    };
    for (const { input } of Object.values(labels)) input.removeAttribute("aria-invalid");
    for (const [key, { label, required }] of Object.entries(labels)) {
      if (required && !found[key].length) problem(say("problem_required", { field: label }), key);
    }
    const handle = found.handle;
    if (handle && !ID.test(handle)) problem(say("problem_id", { field: labels.handle.label }), "handle");
    let schema = null;
    let front = {};
    let folder = "";
    let name = "";
    const body = found.body || "";
    out.target.textContent = "";
    if (data.respond.includes(chosen)) {
      const ref = refs.get(found.note);
      const note = ref === undefined ? undefined : data.notes[ref];
      if (found.note && !note) problem(say("problem_unknown_note", { value: found.note }), "note");
      if (note) {
        out.target.textContent = say("target", { title: note[1] });
        if (NEEDS[chosen] && note[0] !== NEEDS[chosen]) {
          problem(say(`problem_${chosen}`, { value: found.note }), "note");
        }
        if (found.reply_to && !note[3].includes(found.reply_to)) {
          problem(say("problem_reply_to", { value: found.reply_to }), "reply_to");
        }
      }
      if (handle && ID.test(handle) && !data.people.includes(handle)) {
        notices.push(say("problem_unknown_person", { value: handle }));
      }
      if (chosen === "support") return { support: note, handle, problems, notices };
      schema = "response";
      front = {
        kind: chosen,
        authors: handle ? [handle] : [],
        reply_to: found.reply_to,
        rsvp: found.rsvp,
        audience: found.audience,
      };
      folder = `${data.responses}/${ref || found.note}`;
      const taken = note ? note[3] : [];
      const base = handle ? `${localDay()}-${handle}` : "";
      name = base;
      for (let n = 2; base && taken.includes(name); n += 1) name = `${base}-${n}`;
    } else if (chosen === "person") {
      schema = "person";
      if (data.people.includes(handle)) problem(say("problem_taken_person", { value: handle }), "handle");
      for (const group of found.groups) {
        if (!data.groups.includes(group)) {
          problem(say("problem_unknown_group", { field: labels.groups.label, value: group }), "groups");
        }
      }
      front = { ...found, kind: found.kind || undefined };
      folder = "people";
      name = handle;
    } else if (NOTE_TYPES.includes(chosen)) {
      schema = "note";
      const id = found.id;
      if (id && !ID.test(id)) problem(say("problem_id", { field: labels.id.label }), "id");
      const clash = Object.values(data.notes).some((note) => keyOf(note[2]).split("/").pop() === id);
      if (id && clash) problem(say("problem_taken_note", { value: id }), "id");
      if (found.online && !/^https?:\/\/[^\s/]+/.test(found.online)) {
        problem(say("problem_invalid", { field: labels.online.label }), "online");
      }
      if (found.timezone && !isTimeZone(found.timezone)) {
        problem(say("problem_invalid", { field: labels.timezone.label }), "timezone");
      }
      const capacity = found.capacity ? Number(found.capacity) : undefined;
      front = {
        ...found,
        type: chosen === "note" ? undefined : chosen,
        authors: handle ? [handle] : [],
        state: chosen === "idea" ? "proposed" : undefined,
        capacity: Number.isInteger(capacity) ? capacity : found.capacity,
      };
      folder = found.group ? `groups/${found.group}` : "notes";
      name = id;
    }
    const order = data.order[schema];
    const checked = {};
    for (const key of order) {
      const value = front[key];
      if (given(value)) checked[key] = value;
    }
    const result = validators[schema].validate(checked);
    const wrong = new Set();
    for (const error of result.errors) {
      const key = error.instanceLocation.split("/")[1];
      if (!key || wrong.has(key)) continue;
      wrong.add(key);
      // A field already said wrong above is not said twice.
      if (labels[key] && labels[key].input.getAttribute("aria-invalid") === "true") continue;
      problem(say("problem_invalid", { field: labels[key] ? labels[key].label : key }), key);
    }
    if (!result.valid && !wrong.size) problem(say("invalid_file"));
    const path = name ? `${folder}/${name}.md` : "";
    return { path, folder, name, text: fileText(checked, order, body), problems, notices };
  }

  function showProblems(problems, notices) {
    out.problems.replaceChildren();
    if (!problems.length && !notices.length) {
      const ready = document.createElement("p");
      ready.textContent = say("ready");
      out.problems.append(ready);
      return;
    }
    const list = document.createElement("ul");
    for (const message of [...problems, ...notices]) {
      const item = document.createElement("li");
      item.textContent = message;
      list.append(item);
    }
    out.problems.append(list);
  }

  function showSupport(built) {
    out.file.hidden = true;
    out.support.hidden = false;
    const note = built.support;
    out.supportText.textContent = say("support", { handle: built.handle || "…" });
    const openable = repo && note && !built.problems.length;
    out.supportOpen.hidden = !openable;
    if (openable) {
      out.supportOpen.href = repo.edit + encodePath(note[2]);
      out.supportOpen.textContent = say("support_open");
    }
  }

  function render() {
    const built = build();
    showProblems(built.problems, built.notices);
    if ("support" in built) return showSupport(built);
    out.support.hidden = true;
    out.file.hidden = false;
    const where = data.prefix + built.path;
    out.path.textContent = where;
    out.text.value = built.text;
    out.copied.textContent = "";
    let href = "";
    let how = "";
    if (!repo) {
      how = say("paste");
    } else if (built.problems.length) {
      how = "";
    } else {
      const page = repo.newFile;
      const filled = page
        ? `${page.base}?${page.path}=${encodeURIComponent(where)}` +
          `&${page.text}=${encodeURIComponent(built.text)}`
        : "";
      if (filled && filled.length <= data.maxUrl) {
        href = filled;
        how = say("prefilled");
      } else {
        href = repo.newFileIn + encodePath(built.folder);
        how = say(filled ? "too_long" : "paste", { name: `${built.name}.md` });
      }
    }
    // No address while something is to fix: the link shows once the file is right.
    out.open.hidden = !href;
    if (href) out.open.href = href;
    else out.open.removeAttribute("href");
    out.how.textContent = how;
  }

  // The address prefills the form: ?kind=reply&note=<note id>[&reply_to=<response>].
  const params = new URLSearchParams(window.location.search);
  const asked = params.get("kind");
  if (asked && Array.from(kind.options).some((option) => option.value === asked)) kind.value = asked;
  else if (params.has("note")) kind.value = "reply";
  else kind.value = "note";
  for (const key of ["note", "reply_to", "rsvp"]) {
    const wrapper = fields.find((item) => control(item).name === key);
    if (wrapper && params.has(key)) control(wrapper).value = params.get(key);
  }
  // The handle is remembered on this device, as the reader typed it last.
  const handleField = byId("rse-compose-handle");
  try {
    handleField.value = handleField.value || window.localStorage.getItem("rse.handle") || "";
  } catch (error) {
    // Storage refused (private browsing): the reader types the handle each time.
  }

  form.addEventListener("input", (event) => {
    if (event.target === idField) idTyped = idField.value.trim() !== "";
    if (event.target === titleField && !idTyped) idField.value = slug(titleField.value);
    if (event.target === handleField) {
      try {
        window.localStorage.setItem("rse.handle", handleField.value.trim());
      } catch (error) {
        // As above.
      }
    }
    render();
  });
  form.addEventListener("change", render);
  form.addEventListener("submit", (event) => event.preventDefault());
  out.copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(out.text.value);
    } catch (error) {
      out.text.select();
      document.execCommand("copy");
    }
    out.copied.textContent = say("copied");
  });
  form.hidden = false;
  render();
}

if (window.document$ && window.document$.subscribe) {
  window.document$.subscribe(setup); // Material's instant navigation
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", setup);
} else {
  setup();
}
