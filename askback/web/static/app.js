// askback's small bit of JavaScript: autosaving notes, the interview timer, keyboard use.
// Every page works without it; this makes the live view calm and safe to type into.
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  const csrf = () => (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  // --- messages ------------------------------------------------------------------------------

  let toastTimer = null;
  function toast(message) {
    const box = document.getElementById("toast");
    if (!box) return;
    box.textContent = message;
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.hidden = true; }, 7000);
  }

  document.addEventListener("htmx:responseError", (event) => {
    const xhr = event.detail.xhr;
    const text = (xhr && xhr.responseText ? xhr.responseText : "").trim().slice(0, 300);
    toast(text && !text.startsWith("<") ? text : "That did not work (error " + (xhr ? xhr.status : "?") + ").");
  });
  document.addEventListener("htmx:sendError", () => {
    toast("The server did not answer. Is askback still running?");
  });
  document.addEventListener("htmx:afterRequest", (event) => {
    const form = event.detail.elt;
    if (event.detail.successful && form.matches && form.matches("form[data-reset-on-success]")) {
      form.reset();
      const verdict = document.getElementById("lint-verdict");
      if (verdict) verdict.innerHTML = '<p class="muted small">Type a question to see the linter\'s verdict.</p>';
    }
  });

  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-print]")) window.print();
  });

  // Keep the keyboard where it was across a swap. htmx refocuses an element with the same id,
  // but a control may come back disabled (a question moved to the top cannot move up again):
  // then the nearest usable control of the same item takes the focus.
  let focusedId = null;
  document.addEventListener("htmx:beforeSwap", () => {
    const active = document.activeElement;
    focusedId = active && active.id ? active.id : null;
  });
  document.addEventListener("htmx:afterSettle", () => {
    if (!focusedId || (document.activeElement && document.activeElement !== document.body)) return;
    const again = document.getElementById(focusedId);
    focusedId = null;
    if (!again) return;
    if (!again.disabled) { again.focus(); return; }
    const item = again.closest("li") || again.closest("section, form");
    const usable = item && item.querySelector('button:not([disabled]), a[href], textarea, input:not([type="hidden"])');
    if (usable) usable.focus();
  });

  // --- local copies of unsaved text ----------------------------------------------------------

  function readLocal(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function writeLocal(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode or full: the server copy still counts */ }
  }

  function clock(iso) {
    const date = iso ? new Date(iso) : new Date();
    return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
  }

  // --- notes: saved as you type --------------------------------------------------------------
  // Debounced by 500 ms, never waiting more than 1.5 s while typing goes on; one request at a
  // time per note, the whole text each time (so a retry is harmless); failures are shown and
  // retried with backoff; the text is kept in localStorage until the server has it.

  const DEBOUNCE_MS = 500;
  const MAX_WAIT_MS = 1500;
  const MAX_RETRY_MS = 5000;

  function autosave(form) {
    const area = form.querySelector("textarea");
    const state = form.querySelector(".save-state");
    const key = "askback:note:" + form.dataset.autosave;
    let seq = 0;
    let acked = 0;
    let firstChange = 0;
    let timer = null;
    let retryTimer = null;
    let retryDelay = 1000;
    let inFlight = false;
    let again = false;

    const show = (text, kind) => {
      if (state) state.textContent = text;
      form.dataset.saveState = kind;
    };

    function changed() {
      seq += 1;
      writeLocal(key, { text: area.value, t: Date.now(), saved: false });
      const now = Date.now();
      if (!firstChange) firstChange = now;
      clearTimeout(timer);
      timer = setTimeout(flush, Math.max(0, Math.min(DEBOUNCE_MS, firstChange + MAX_WAIT_MS - now)));
      if (form.dataset.saveState !== "failed") show("editing…", "editing");
    }

    async function flush() {
      clearTimeout(timer);
      timer = null;
      clearTimeout(retryTimer);
      retryTimer = null;
      if (inFlight) { again = true; return; }
      if (acked === seq) return;
      const mine = seq;
      const text = area.value;
      firstChange = 0;
      inFlight = true;
      if (form.dataset.saveState !== "failed") show("saving…", "saving");
      try {
        const response = await fetch(form.action, {
          method: "POST",
          headers: { "X-CSRF-Token": csrf(), Accept: "application/json" },
          body: new URLSearchParams({ text: text, seq: String(mine) }),
          credentials: "same-origin",
        });
        if (!response.ok) {
          let reason = "error " + response.status;
          try { reason = (await response.json()).error || reason; } catch (e) { /* not JSON */ }
          throw new Error(reason);
        }
        const data = await response.json();
        acked = Math.max(acked, mine);
        retryDelay = 1000;
        if (acked === seq) {
          writeLocal(key, { text: text, t: Date.now(), saved: true });
          show("saved " + clock(data.saved_at), "saved");
        }
      } catch (error) {
        show("not saved, retrying (" + (error && error.message ? error.message : "no answer") + ")", "failed");
        retryTimer = setTimeout(flush, retryDelay);
        retryDelay = Math.min(retryDelay * 1.5, MAX_RETRY_MS);
      } finally {
        inFlight = false;
        if (again) { again = false; if (!retryTimer) flush(); }
      }
    }

    // Unsaved text from before a reload or a crash comes back if it is newer than the server's.
    const local = readLocal(key);
    const serverTime = Date.parse(area.dataset.savedAt || "") || 0;
    if (local && !local.saved && local.text !== area.value && local.t > serverTime) {
      area.value = local.text;
      seq += 1;
      show("restored unsaved text, saving…", "saving");
      flush();
    }

    area.addEventListener("input", changed);
    window.addEventListener("online", () => { if (acked !== seq) flush(); });
    area.addEventListener("blur", () => { if (acked !== seq && !inFlight) flush(); });
    window.addEventListener("pagehide", () => {
      if (acked === seq || !navigator.sendBeacon) return;
      const body = new URLSearchParams({ text: area.value, seq: String(seq), csrf_token: csrf() });
      navigator.sendBeacon(form.action, body);
    });
  }

  // --- the timer -----------------------------------------------------------------------------
  // Minutes from the plan; when the time left is short for the open questions, the planner says
  // which to keep (highlighted) and the rest are dimmed.

  function timer(box) {
    const plan = box.dataset.plan;
    const total = Number(box.dataset.minutes) * 60000;
    const perQuestion = Number(box.dataset.minutesPerQuestion);
    const key = "askback:timer:" + plan;
    const left = document.getElementById("timer-left");
    const toggle = document.getElementById("timer-toggle");
    const reset = document.getElementById("timer-reset");
    const advice = document.getElementById("timer-advice");
    let state = readLocal(key) || { elapsed: 0, startedAt: null };
    let lastAdvice = 0;

    const elapsed = () => state.elapsed + (state.startedAt ? Date.now() - state.startedAt : 0);
    const remaining = () => total - elapsed();

    function render() {
      const ms = remaining();
      const seconds = Math.ceil(Math.abs(ms) / 1000);
      const text = (ms < 0 ? "−" : "") + Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
      if (left.textContent !== text) left.textContent = text;
      toggle.textContent = state.startedAt ? "Pause" : elapsed() > 0 ? "Resume" : "Start";
      box.classList.toggle("running", Boolean(state.startedAt));
      box.classList.toggle("over", ms < 0);
      if (state.startedAt && Date.now() - lastAdvice > 15000) advise();
    }

    function openCards() {
      return Array.from(document.querySelectorAll('.q[data-kind="main"]')).filter(
        (card) => (card.querySelector(".status") || {}).dataset.status === "open"
      );
    }

    async function advise() {
      lastAdvice = Date.now();
      const cards = Array.from(document.querySelectorAll(".q"));
      const open = openCards();
      const minutesLeft = remaining() / 60000;
      if (elapsed() === 0 || minutesLeft >= open.length * perQuestion) {
        cards.forEach((card) => card.classList.remove("keep", "drop"));
        advice.hidden = true;
        return;
      }
      let keep = [];
      try {
        const response = await fetch("/plans/" + plan + "/keep?minutes_left=" + Math.max(0, minutesLeft).toFixed(2), {
          headers: { Accept: "application/json" }, credentials: "same-origin",
        });
        if (response.ok) keep = (await response.json()).keep.map(String);
      } catch (e) { return; }
      cards.forEach((card) => {
        const isOpen = open.includes(card);
        card.classList.toggle("keep", isOpen && keep.includes(card.dataset.item));
        card.classList.toggle("drop", isOpen && !keep.includes(card.dataset.item));
      });
      advice.textContent = keep.length
        ? "Short on time: about " + Math.max(0, Math.floor(minutesLeft)) + " min for " + open.length +
          " open questions. Keep the highlighted " + (keep.length === 1 ? "one" : keep.length) + "."
        : "Time is up: thank them and ask about next steps.";
      advice.hidden = false;
    }

    function save() { writeLocal(key, state); }

    toggle.addEventListener("click", () => {
      if (state.startedAt) { state = { elapsed: elapsed(), startedAt: null }; }
      else { state = { elapsed: state.elapsed, startedAt: Date.now() }; }
      save(); render(); advise();
    });
    reset.addEventListener("click", () => {
      state = { elapsed: 0, startedAt: null };
      save(); render(); advise();
    });
    // Ticking a question changes what is open: think again about what to keep.
    document.addEventListener("htmx:afterSettle", (event) => {
      const settled = event.target;
      if (elapsed() > 0 && settled && settled.closest && settled.closest(".status")) advise();
    });

    render();
    if (elapsed() > 0) advise();
    setInterval(render, 1000);
    return { toggle: () => toggle.click() };
  }

  // --- keyboard use of the live view ---------------------------------------------------------

  function liveKeys(clockControl) {
    let current = null;
    const cards = () => Array.from(document.querySelectorAll(".q")).filter((card) => card.offsetParent !== null);
    document.addEventListener("focusin", (event) => {
      const card = event.target.closest && event.target.closest(".q");
      if (card) current = card;
    });
    const focusCard = (card) => {
      if (!card) return;
      current = card;
      card.focus({ preventScroll: true });
      const calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      card.scrollIntoView({ block: "nearest", behavior: calm ? "auto" : "smooth" });
    };
    document.addEventListener("keydown", (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target;
      const typing = target.closest && target.closest("input, textarea, select, [contenteditable]");
      if (event.key === "Escape" && typing) {
        event.preventDefault();
        target.blur();
        focusCard(target.closest(".q") || current);
        return;
      }
      if (typing) return;
      const list = cards();
      const at = current ? list.indexOf(current) : -1;
      const pick = () => current || list.find((card) => (card.querySelector(".status") || {}).dataset.status === "open") || list[0];
      switch (event.key) {
        case "j": focusCard(list[Math.min(list.length - 1, at + 1)]); break;
        case "k": focusCard(list[Math.max(0, at - 1)]); break;
        case "a": { const card = pick(); focusCard(card); card && card.querySelector('button[id^="asked-"]').click(); break; }
        case "c": { const card = pick(); focusCard(card); card && card.querySelector('button[id^="covered-"]').click(); break; }
        case "n": { const card = pick(); if (card) card.querySelector("textarea").focus(); break; }
        case "/": { const finder = document.getElementById("finder-q"); if (finder) finder.focus(); break; }
        case "t": if (clockControl) clockControl.toggle(); break;
        default: return;
      }
      event.preventDefault();
    });
  }

  function start() {
    document.querySelectorAll("form[data-autosave]").forEach(autosave);
    const box = document.getElementById("timer");
    const clockControl = box ? timer(box) : null;
    if (document.body.classList.contains("live")) liveKeys(clockControl);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
