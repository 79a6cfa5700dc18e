/// The form's script, served from the binary so the page works with no network beyond this
/// server. It knows no fact and no rule: it sends the controls' values by their names (the fact
/// paths the page was generated with) and shows what the server's engine answers.
extension Assets {
    static let script = #"""
'use strict';
(function () {
  var form = document.getElementById('facts');
  if (!form) return;
  var lang = document.documentElement.getAttribute('lang') || 'vi';
  var scorecard = document.getElementById('scorecard');
  var summary = document.getElementById('summary');
  var status = document.getElementById('status');
  var checkText = document.getElementById('check-text');
  var storageKey = 'wardcheck.answers.' + location.host;
  var slots = {};
  form.querySelectorAll('[data-errors-for]').forEach(function (slot) { slots[slot.getAttribute('data-errors-for')] = slot; });

  function text(name) { return document.body.getAttribute('data-text-' + name) || ''; }

  // The answers by fact path; an empty control is left out, which the file reads as "not reported".
  function answers() {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.type === 'file') return;
      if (el.type === 'radio' && !el.checked) return;
      var value = (el.value || '').trim();
      if (value !== '') out[el.name] = value;
    });
    return out;
  }

  function controls(path) {
    return Array.prototype.filter.call(form.elements, function (el) { return el.name === path; });
  }

  function setValue(path, value) {
    controls(path).forEach(function (el) {
      if (el.type === 'hidden') return;
      if (el.type === 'radio') el.checked = (el.value === (value || ''));
      else el.value = value || '';
    });
  }

  // Every visible control from a file's values; a field the file leaves out is emptied.
  function fill(values) {
    var seen = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || seen[el.name]) return;
      seen[el.name] = true;
      setValue(el.name, values[el.name]);
    });
  }

  function post(path, body, type) {
    return fetch(path + '?lang=' + encodeURIComponent(lang), {
      method: 'POST', headers: { 'Content-Type': type }, body: body, credentials: 'same-origin'
    });
  }

  function clearDiagnostics() {
    Object.keys(slots).forEach(function (key) { slots[key].textContent = ''; slots[key].hidden = true; });
    form.querySelectorAll('.has-error').forEach(function (el) { el.classList.remove('has-error'); });
  }

  function showDiagnostics(list) {
    clearDiagnostics();
    (list || []).forEach(function (d) {
      var slot = slots[d.field] || slots[''];
      var line = document.createElement('p');
      line.className = 'sev-' + d.severity;
      line.textContent = d.message + (d.hint ? ' — ' + d.hint : '') + ' [' + d.code + ']';
      slot.appendChild(line);
      slot.hidden = false;
      var box = slot.parentElement;
      if (box) box.classList.add('has-error');
    });
  }

  function show(data) {
    // The scorecard comes rendered by the server, every piece of ward text already escaped.
    scorecard.innerHTML = data.scorecard_html;
    checkText.textContent = data.check_text;
    summary.textContent = data.summary;
    summary.className = 'summary-bar ' + (data.valid ? (data.ready ? 'ready' : 'not-ready') : 'invalid');
    showDiagnostics(data.diagnostics);
    progress();
  }

  function refused(data) {
    status.textContent = data && data.error ? data.error.message : text('offline');
  }

  // Answered fields in each section, "7/12".
  function progress() {
    form.querySelectorAll('fieldset.section').forEach(function (section) {
      var fields = section.querySelectorAll('.field[data-field]');
      var done = 0;
      fields.forEach(function (field) {
        var checked = field.querySelector('input:checked');
        var control = field.querySelector('input, select');
        var value = checked ? checked.value : (control ? control.value.trim() : '');
        if (value) done += 1;
      });
      var badge = section.querySelector('.progress');
      if (badge) badge.textContent = done + '/' + fields.length;
    });
  }

  var timer = null;
  var latest = 0;
  function evaluate() {
    var mine = ++latest;
    status.textContent = text('busy');
    return post('/api/evaluate', JSON.stringify({ answers: answers() }), 'application/json')
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (mine !== latest) return;  // a newer evaluation is on its way
        if (data.error) { refused(data); return; }
        status.textContent = '';
        show(data);
        form.setAttribute('data-evaluated', String(mine));
      })
      .catch(function () { if (mine === latest) status.textContent = text('offline'); });
  }

  function changed(event) {
    // Only the answers count: choosing a file to open or typing the secret changes none.
    if (event && event.target && !event.target.name) return;
    try { localStorage.setItem(storageKey, JSON.stringify(answers())); } catch (e) { /* private mode: nothing kept */ }
    progress();
    clearTimeout(timer);
    timer = setTimeout(evaluate, 250);
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function (event) { event.preventDefault(); });

  // Choosing a code from the city's roster fills the facts the roster holds for that unit.
  var code = form.querySelector('[data-roster]');
  var roster = document.getElementById('roster');
  if (code && roster) {
    code.addEventListener('input', function () {
      var wanted = code.value.trim();
      var option = Array.prototype.find.call(roster.options, function (o) { return o.value === wanted; });
      if (!option) return;
      var values = JSON.parse(option.getAttribute('data-fill') || '{}');
      Object.keys(values).forEach(function (path) { setValue(path, values[path]); });
    });
  }

  document.getElementById('download').addEventListener('click', function () {
    post('/api/yaml', JSON.stringify({ answers: answers() }), 'application/json').then(function (response) {
      if (!response.ok) return response.json().then(refused);
      var match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
      return response.blob().then(function (blob) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = match ? match[1] : 'facts.yaml';
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
      });
    }).catch(function () { status.textContent = text('offline'); });
  });

  document.getElementById('upload').addEventListener('change', function (event) {
    var file = event.target.files[0];
    if (!file) return;
    // The file's bytes as they are, so the server sees exactly what `validate` would.
    post('/api/upload', file, 'application/yaml')
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.error) { refused(data); return; }
        fill(data.answers || {});
        try { localStorage.setItem(storageKey, JSON.stringify(answers())); } catch (e) { /* nothing kept */ }
        latest += 1;
        show(data);
        status.textContent = '';
        form.setAttribute('data-uploaded', file.name);
      })
      .catch(function () { status.textContent = text('offline'); });
    event.target.value = '';
  });

  document.getElementById('clear').addEventListener('click', function () {
    if (!window.confirm(text('confirm-clear'))) return;
    try { localStorage.removeItem(storageKey); } catch (e) { /* nothing kept */ }
    form.reset();
    changed();
  });

  var submit = document.getElementById('submit-button');
  if (submit) {
    var submitStatus = document.getElementById('submit-status');
    submit.addEventListener('click', function () {
      var body = JSON.stringify({ answers: answers(), token: document.getElementById('token').value });
      submitStatus.textContent = text('busy');
      post('/api/submit', body, 'application/json')
        .then(function (response) { return response.json(); })
        .then(function (data) {
          submitStatus.textContent = data.error ? data.error.message : data.message;
          submitStatus.className = 'status ' + (data.error ? 'refused' : 'accepted');
          if (data.assessment) show(data.assessment);
        })
        .catch(function () { submitStatus.textContent = text('offline'); });
    });
  }

  try {
    var saved = JSON.parse(localStorage.getItem(storageKey) || 'null');
    if (saved && Object.keys(saved).length) { fill(saved); status.textContent = text('restored'); }
  } catch (e) { /* nothing kept */ }
  progress();
  evaluate();
})();
"""#
}
