/* bilat dashboard: item <-> highlight selection and review actions on the document page.
   Article text is never written with innerHTML: only textContent and attributes. */
(function () {
  "use strict";
  var KEY_TOKEN = "bilat.token", KEY_AUTHOR = "bilat.author";

  function marksFor(ref) {
    return Array.prototype.filter.call(document.querySelectorAll("mark[data-items]"), function (m) {
      return m.getAttribute("data-items").split(" ").indexOf(ref) >= 0;
    });
  }

  function select(ref, scrollText, scrollPanel) {
    document.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
    document.querySelectorAll("li.item.selected").forEach(function (li) { li.classList.remove("selected"); });
    var item = document.getElementById(ref);
    if (item) {
      item.classList.add("selected");
      if (scrollPanel) { item.scrollIntoView({ block: "nearest" }); }
    }
    var marks = marksFor(ref);
    marks.forEach(function (m) { m.classList.add("active"); });
    if (scrollText && marks.length) { marks[0].scrollIntoView({ block: "center" }); }
    if (history.replaceState) { history.replaceState(null, "", "#" + ref); }
  }

  function setStatus(text, bad) {
    var el = document.getElementById("rv-status");
    if (el) { el.textContent = text; el.style.color = bad ? "#b2312b" : ""; }
  }

  function credentials() {
    var token = sessionStorage.getItem(KEY_TOKEN), author = sessionStorage.getItem(KEY_AUTHOR);
    if (!token || !author) {
      setStatus("Enter your name and the API token first.", true);
      var box = document.getElementById(author ? "rv-token" : "rv-author");
      if (box) { box.focus(); }
      return null;
    }
    return { token: token, author: author };
  }

  function call(method, url, body) {
    var cred = credentials();
    if (!cred) { return; }
    if (body) { body.author = cred.author; }
    setStatus("Saving…", false);
    fetch(url, {
      method: method,
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + cred.token },
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) {
      return r.json().then(function (data) { return { ok: r.ok, data: data }; });
    }).then(function (res) {
      if (res.ok) { location.reload(); return; }
      var err = res.data && res.data.error ? res.data.error.message : "request failed";
      setStatus(err, true);
    }).catch(function () { setStatus("network error", true); });
  }

  function editPayload(form) {
    var payload = {};
    form.querySelectorAll("input[name]").forEach(function (input) {
      var kind = input.getAttribute("data-kind"), raw = input.value.trim();
      if (input.defaultValue.trim() === raw) { return; }
      if (kind === "list") {
        payload[input.name] = raw ? raw.split(",").map(function (s) { return s.trim(); }).filter(Boolean) : [];
      } else if (kind === "number") {
        payload[input.name] = raw === "" ? null : Number(raw);
      } else {
        payload[input.name] = raw === "" ? null : raw;
      }
    });
    return payload;
  }

  function onAction(button) {
    var box = button.closest(".actions"), action = button.getAttribute("data-action");
    var type = box.getAttribute("data-type"), id = Number(box.getAttribute("data-id"));
    if (action === "undo") {
      call("DELETE", "/api/review/" + encodeURIComponent(button.getAttribute("data-judgement")));
    } else if (action === "edit") {
      var form = box.parentNode.querySelector("form.edit-form");
      if (form) { form.hidden = !form.hidden; }
    } else {
      call("POST", "/api/review", { item_type: type, item_id: id, action: action });
    }
  }

  function initReviewer() {
    var author = document.getElementById("rv-author"), token = document.getElementById("rv-token");
    var save = document.getElementById("rv-save");
    if (!author || !token || !save) { return; }
    author.value = sessionStorage.getItem(KEY_AUTHOR) || "";
    if (sessionStorage.getItem(KEY_TOKEN)) { token.placeholder = "token saved"; }
    save.addEventListener("click", function () {
      if (author.value.trim()) { sessionStorage.setItem(KEY_AUTHOR, author.value.trim()); }
      if (token.value.trim()) { sessionStorage.setItem(KEY_TOKEN, token.value.trim()); token.value = ""; token.placeholder = "token saved"; }
      setStatus("Saved for this tab.", false);
    });
  }

  function initDocument() {
    var article = document.getElementById("article"), panel = document.getElementById("items");
    if (!article || !panel) { return; }
    article.addEventListener("click", function (ev) {
      var mark = ev.target.closest("mark[data-items]");
      if (!mark) { return; }
      var refs = mark.getAttribute("data-items").split(" ");
      var current = document.querySelector("li.item.selected");
      var at = current ? refs.indexOf(current.id) : -1;  // clicking again cycles overlapping items
      select(refs[(at + 1) % refs.length], false, true);
    });
    panel.addEventListener("click", function (ev) {
      var button = ev.target.closest(".actions button");
      if (button) { onAction(button); return; }
      if (ev.target.closest("form, a, input")) { return; }
      var item = ev.target.closest("li.item");
      if (item) { select(item.getAttribute("data-ref"), true, false); }
    });
    panel.addEventListener("keydown", function (ev) {
      var item = ev.target.closest && ev.target.closest("li.item");
      if (item && ev.target === item && (ev.key === "Enter" || ev.key === " ")) {
        ev.preventDefault(); select(item.getAttribute("data-ref"), true, false);
      }
    });
    panel.addEventListener("submit", function (ev) {
      var form = ev.target.closest("form.edit-form");
      if (!form) { return; }
      ev.preventDefault();
      var payload = editPayload(form);
      if (!Object.keys(payload).length) { setStatus("Nothing changed.", true); return; }
      call("POST", "/api/review", { item_type: form.getAttribute("data-type"),
        item_id: Number(form.getAttribute("data-id")), action: "edit", payload: payload });
    });
    panel.querySelectorAll("form.edit-form .cancel").forEach(function (b) {
      b.addEventListener("click", function () { b.closest("form").hidden = true; });
    });
    initReviewer();
    var hash = decodeURIComponent(location.hash.slice(1));
    if (hash && document.getElementById(hash)) { select(hash, true, true); }
  }

  document.addEventListener("DOMContentLoaded", initDocument);
})();
