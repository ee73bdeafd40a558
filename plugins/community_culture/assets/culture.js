/* Community culture: progressive enhancements. The site is complete without this file.
 *
 * - Elder mode (长辈模式 / large text): a header button; the choice is kept in
 *   localStorage and applied here, in <head>, before the page is drawn.
 * - "Today" stays true: lists carry each occurrence's dates (data-cc-first/-last);
 *   they are regrouped by the reader's own date, so a site rebuilt weekly still shows
 *   today and this week right. Without JavaScript the build date's view shows, and says so.
 * - Read aloud (朗读): the browser's own speech reads the page's text, a block at a time,
 *   in the page's language; the button stops it. Hidden where the browser cannot speak.
 * - The menu drawer opens from the keyboard; the year page opens at this month;
 *   the search page starts Pagefind's interface.
 * Site-local, no inline script: the page's Content-Security-Policy can stay strict.
 */
(function () {
  "use strict";
  var KEY = "cc-elder";
  var root = document.documentElement;

  function stored() {
    try { return window.localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }
  function store(on) {
    try { window.localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode: this page only */ }
  }
  function setElder(on) {
    if (on) { root.setAttribute("data-cc-elder", ""); } else { root.removeAttribute("data-cc-elder"); }
    var buttons = document.querySelectorAll(".cc-hbtn--elder");
    for (var i = 0; i < buttons.length; i++) { buttons[i].setAttribute("aria-pressed", on ? "true" : "false"); }
  }
  setElder(stored());

  function iso(d) {
    var m = d.getMonth() + 1, day = d.getDate();
    return d.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (day < 10 ? "0" : "") + day;
  }
  function addDays(d, n) { var c = new Date(d.getTime()); c.setDate(c.getDate() + n); return c; }

  function elderButton() {
    var buttons = document.querySelectorAll(".cc-hbtn--elder");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () {
        var on = !root.hasAttribute("data-cc-elder");
        store(on);
        setElder(on);
      });
    }
    setElder(root.hasAttribute("data-cc-elder"));
  }

  function readAloud() {
    var button = document.querySelector(".cc-read");
    var synth = window.speechSynthesis;
    if (!button || !synth || typeof window.SpeechSynthesisUtterance !== "function") { return; }
    var lang = root.getAttribute("lang") || "zh";
    var voiceLang = lang.indexOf("zh") === 0 ? "zh-CN" : lang;
    var reading = false;
    function set(on) {
      reading = on;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? button.getAttribute("data-cc-stop") : button.getAttribute("data-cc-read");
    }
    function blocks() {
      var body = document.querySelector("[data-pagefind-body]") || document.querySelector("article");
      if (!body) { return []; }
      var out = [];
      var nodes = body.querySelectorAll("h1, h2, h3, h4, p, li, dt, dd, th, td, caption, figcaption");
      for (var i = 0; i < nodes.length; i++) {
        var n = nodes[i];
        /* A block inside another listed block is read with it; hidden ones not at all. */
        if (n.parentElement && n.parentElement.closest("p, li, dd, td, th, figcaption")) { continue; }
        if (n.closest("[hidden], details:not([open]) > :not(summary), .md-typeset .cc-skip")) { continue; }
        var text = (n.innerText || n.textContent || "").replace(/\s+/g, " ").trim();
        if (text) { out.push(text); }
      }
      return out;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (reading) { synth.cancel(); set(false); return; }
      var parts = blocks();
      if (!parts.length) { return; }
      synth.cancel();
      set(true);
      parts.forEach(function (text, i) {
        var u = new window.SpeechSynthesisUtterance(text);
        u.lang = voiceLang;
        u.rate = 0.9; /* a little slower than the default, for older listeners */
        if (i === parts.length - 1) { u.onend = function () { set(false); }; }
        u.onerror = function () { set(false); };
        synth.speak(u);
      });
    });
    window.addEventListener("pagehide", function () { synth.cancel(); });
  }

  function drawer() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector("label.cc-menu");
    if (!toggle || !label) { return; }
    label.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    label.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter" && ev.key !== " ") { return; }
      ev.preventDefault();
      /* Material's own keyboard handling toggles it on some keys: act only if nothing did. */
      var before = toggle.checked;
      window.setTimeout(function () { if (toggle.checked === before) { toggle.click(); } }, 0);
    });
    toggle.addEventListener("change", function () {
      label.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
      if (toggle.checked) {
        var first = document.querySelector(".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex]");
        if (first) { window.setTimeout(function () { first.focus(); }, 50); }
      }
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && toggle.checked) { toggle.click(); label.focus(); }
    });
  }

  /* Regroup dated lists by the reader's date. */
  function today() {
    var now = new Date();
    var start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    var sunday = addDays(start, (7 - start.getDay()) % 7);
    return { day: iso(start), sunday: iso(sunday), date: start };
  }

  function regroup(t) {
    var boxes = document.querySelectorAll("[data-cc-upcoming]");
    for (var b = 0; b < boxes.length; b++) {
      var box = boxes[b];
      var scope = box.parentNode;
      var lists = {};
      var groups = box.querySelectorAll("[data-cc-group]");
      for (var g = 0; g < groups.length; g++) { lists[groups[g].getAttribute("data-cc-group")] = groups[g].querySelector("ul"); }
      var items = scope.querySelectorAll("li[data-cc-last]");
      for (var i = 0; i < items.length; i++) {
        var li = items[i];
        var first = li.getAttribute("data-cc-first");
        var last = li.getAttribute("data-cc-last");
        var inPast = li.closest("[data-cc-recent]");
        if (inPast) { continue; }
        if (last < t.day) { li.hidden = true; li.setAttribute("data-cc-gone", ""); continue; }
        if (!first) { continue; }
        if (first <= t.day && lists.today) { lists.today.appendChild(li); li.hidden = false; }
        else if (first <= t.sunday && lists.week) { lists.week.appendChild(li); li.hidden = false; }
      }
      /* A short "later" list (the home page) shows its first few from the reader's date. */
      var short = box.querySelector("[data-cc-limit]");
      if (short) {
        var limit = parseInt(short.getAttribute("data-cc-limit"), 10);
        var rest = short.querySelectorAll("li:not([data-cc-gone])");
        for (i = 0; i < rest.length; i++) { rest[i].hidden = i >= limit; }
      }
      var any = false;
      for (g = 0; g < groups.length; g++) {
        var shown = groups[g].querySelectorAll("li:not([hidden])").length > 0;
        groups[g].hidden = !shown;
        if (shown && groups[g].getAttribute("data-cc-group") !== "later") { any = true; }
      }
      var later = scope.querySelectorAll("[data-cc-later]");
      for (g = 0; g < later.length; g++) {
        var month = later[g].getAttribute("data-cc-month");
        later[g].hidden = (!!month && month < t.day.slice(0, 7)) ||
          later[g].querySelectorAll("li:not([hidden]), [data-cc-more]").length === 0;
      }
      /* The page carries activities up to a day (data-cc-until); past it, it says so and
         points at the reader's month in the calendar rather than claim nothing is on. */
      var until = box.getAttribute("data-cc-until");
      var past = !!until && t.sunday > until;
      var beyond = box.querySelector("[data-cc-beyond]");
      if (beyond) {
        beyond.hidden = !past;
        var link = beyond.querySelector("a[data-cc-base]");
        var years = (box.getAttribute("data-cc-years") || "").split(" ");
        if (link && years.indexOf(t.day.slice(0, 4)) >= 0) {
          link.setAttribute("href", link.getAttribute("data-cc-base") + t.day.slice(0, 4) + "/" + t.day.slice(5, 7) + "/");
        }
      }
      var none = box.querySelector("[data-cc-none]");
      if (none) { none.hidden = any || past; }
      var asof = box.querySelector("[data-cc-asof]");
      if (asof) {
        var lang = asof.getAttribute("lang") || root.lang || "zh";
        var words;
        try {
          words = t.date.toLocaleDateString(lang === "en" ? "en-GB" : "zh-CN",
            { weekday: "long", year: "numeric", month: "long", day: "numeric" });
        } catch (e) { words = t.day; }
        asof.textContent = asof.getAttribute("data-cc-template").replace("{date}", words);
      }
    }
    var cells = document.querySelectorAll("td[data-cc-day]");
    for (var c = 0; c < cells.length; c++) {
      cells[c].classList.toggle("cc-today", cells[c].getAttribute("data-cc-day") === t.day);
    }
  }

  function yearAtThisMonth(t) {
    var grid = document.querySelector("[data-cc-year]");
    if (!grid || window.location.hash || grid.getAttribute("data-cc-year") !== t.day.slice(0, 4)) { return; }
    var month = document.getElementById("m" + t.day.slice(5, 7));
    if (month && month.previousElementSibling) { month.scrollIntoView(); }
  }

  function search() {
    var box = document.querySelector("[data-cc-search]");
    if (!box || typeof window.PagefindUI !== "function") { return; }
    new window.PagefindUI({
      element: "#" + box.id,
      bundlePath: box.getAttribute("data-cc-bundle"),
      showImages: false,
      showSubResults: true,
      resetStyles: false,
      autofocus: true,
      translations: { placeholder: box.getAttribute("data-cc-placeholder") }
    });
    var input = box.querySelector("input");
    var q = new URLSearchParams(window.location.search).get("q");
    if (input && q) {
      input.value = q;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  function ready() {
    var t = today();
    elderButton();
    readAloud();
    drawer();
    regroup(t);
    yearAtThisMonth(t);
    search();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
