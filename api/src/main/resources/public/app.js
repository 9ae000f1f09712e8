const TYPES = ["history_and_physical","consultation","discharge_summary","operative_report","procedure_note",
  "progress_note","radiology_report","letter","other"];
for (const sel of [document.getElementById("type"), document.getElementById("utype")])
  for (const t of TYPES) sel.add(new Option(t.replaceAll("_", " "), t));
const filters = {};
const text = s => { const d = document.createElement("div"); d.textContent = s; return d.innerHTML; };

// The access token lives in memory only (never localStorage): closing the tab signs out.
let token = null;
const authed = (init = {}) => ({ ...init, headers: { ...(init.headers || {}), Authorization: "Bearer " + token } });
document.getElementById("login").addEventListener("submit", async ev => {
  ev.preventDefault();
  const f = new FormData(ev.target);
  const r = await fetch("/login", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: f.get("username"), password: f.get("password") }) });
  if (!r.ok) { document.getElementById("who").textContent = "sign-in failed"; return; }
  token = (await r.json()).access_token;
  const me = await (await fetch("/api/me", authed())).json();
  document.getElementById("who").textContent = me.displayName + " · " + me.roles.join(", ");
  ev.target.hidden = true;
});
async function problem(r) {
  try { const p = await r.json(); return p.detail || r.statusText; } catch { return r.statusText; }
}
async function search(ev) {
  if (ev) ev.preventDefault();
  const p = new URLSearchParams({ q: document.getElementById("q").value, limit: 20 });
  const type = document.getElementById("type").value;
  if (type) p.set("type", type);
  for (const [k, v] of Object.entries(filters)) p.set(k, v);
  const r = await fetch("/api/search?" + p, authed());
  const hits = document.getElementById("hits");
  if (!r.ok) { hits.innerHTML = `<p class="error">${text(await problem(r))}</p>`; return; }
  const res = await r.json();
  document.getElementById("summary").textContent =
    `${res.total} document(s), ${res.tookMs.toFixed(1)} ms` + (Object.keys(filters).length ? " · filters: " +
    Object.entries(filters).map(([k, v]) => k + "=" + v).join(", ") : "");
  hits.innerHTML = res.hits.map(h => `<div class="hit"><a href="#" data-id="${h.id}">${text(h.metadata.patientName)}
    (${text(h.metadata.patientMrn)})</a> <span class="meta">${h.metadata.type.replaceAll("_", " ")} ·
    ${h.metadata.serviceDate} · ${text(h.metadata.author)} · ${h.state}</span>
    ${h.snippets.map(s => `<div>…${s}…</div>`).join("")}</div>`).join("");  // snippets arrive HTML-escaped
  document.getElementById("facets").innerHTML = Object.entries(res.facets).map(([dim, counts]) =>
    `<h3>${dim}</h3>` + counts.map(c => `<a data-dim="${dim}" data-value="${text(c.value)}">${text(c.value)}
    (${c.count})</a>`).join("")).join("");
}
document.getElementById("facets").addEventListener("click", ev => {
  const a = ev.target.closest("a"); if (!a) return;
  const key = { type: "type", author: "author", status: "status", section: "section", review: "review" }[a.dataset.dim];
  if (filters[key] === a.dataset.value) delete filters[key]; else filters[key] = a.dataset.value;
  search();
});
document.getElementById("hits").addEventListener("click", async ev => {
  const a = ev.target.closest("a[data-id]"); if (!a) return;
  ev.preventDefault();
  const r = await fetch("/api/documents/" + a.dataset.id, authed());
  const doc = document.getElementById("doc"); doc.hidden = false;
  if (!r.ok) { doc.innerHTML = `<p class="error">${text(await problem(r))}</p>`; return; }
  const d = await r.json();
  doc.innerHTML = `<h2>${text(d.metadata.patientName)} · ${d.metadata.type.replaceAll("_", " ")}</h2>
    <p class="meta">state ${d.state} · version ${d.version ?? "-"} · ${d.sections.length} sections ·
    original available to download via the API</p>
    ${(d.signatures ?? []).map(s => `<p class="meta">version ${s.version} signed by ${text(s.signerName)}
    ${s.signedAt}${s.textMatches ? "" : " · <strong>the text no longer matches this signature</strong>"}</p>`).join("")}
    ${d.codeReview ? `<p class="meta">codes ${d.review} (version ${d.codeReview.version}, ${text(d.codeReview.reviewedBy)}):
    ${(d.codeReview.finalCodes ?? []).map(text).join(", ")}</p>` : ""}
    <p class="meta">${d.sections.map(s => text(s.type)).join(" · ")}</p><pre>${text(d.text)}</pre>`;
});
document.getElementById("search").addEventListener("submit", search);
document.getElementById("upload").addEventListener("submit", async ev => {
  ev.preventDefault();
  const f = new FormData(ev.target);
  const body = new FormData();
  body.set("metadata", JSON.stringify(Object.fromEntries([...f.entries()].filter(([k]) => k !== "file"))));
  body.set("file", f.get("file"));
  const r = await fetch("/api/documents", authed({ method: "POST", body }));
  document.getElementById("uploaded").textContent = r.ok ? "accepted: " + (await r.json()).id : await problem(r);
});
