/// The form's script, served from the binary so the page works with no network beyond this
/// server. It knows no fact and no rule: it sends the controls' values by their names (the fact
/// paths the page was generated with), hides the questions the page marks as asked only under a
/// condition, and shows what the server's engine answers.
///
/// A question back to the person appears only once they have touched that field (or opened a
/// file): an empty form is not a page of errors. The live region announces the score line alone,
/// and only when it changes.
extension Assets {
    static let script = #"""
'use strict';
// The city office's login: the name and secret sent as JSON, the session set by the server as a cookie.
(function () {
  var login = document.getElementById('login');
  if (!login) return;
  var status = document.getElementById('login-status');
  login.addEventListener('submit', function (event) {
    event.preventDefault();
    status.textContent = document.body.getAttribute('data-text-busy') || '';
    var lang = document.documentElement.getAttribute('lang') || 'vi';
    fetch('/api/login?lang=' + encodeURIComponent(lang), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin',
      body: JSON.stringify({ name: login.elements.name.value, secret: login.elements.secret.value })
    }).then(function (response) { return response.json(); }).then(function (data) {
      if (data.error) { status.textContent = data.error.message; return; }
      location.assign(login.getAttribute('data-next') || '/city');
    }).catch(function () { status.textContent = document.body.getAttribute('data-text-offline') || ''; });
  });
})();
(function () {
  var form = document.getElementById('facts');
  if (!form) return;
  var lang = document.documentElement.getAttribute('lang') || 'vi';
  var scorecard = document.getElementById('scorecard');
  var summary = document.getElementById('summary');
  var status = document.getElementById('status');
  var toolStatus = document.getElementById('tool-status');
  var scoreLine = document.getElementById('score-line');
  var checkText = document.getElementById('check-text');
  var checkDiagnostics = document.getElementById('check-diagnostics');
  var requiredCount = document.getElementById('required-count');
  var storageKey = 'wardcheck.answers.' + location.host;
  var touched = {};      // fields the person has changed, or that a file filled in
  var notes = {};        // by field: what an opened file wrote, and how it was read
  var latestData = null;

  function text(name) { return document.body.getAttribute('data-text-' + name) || ''; }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return values[key] !== undefined ? values[key] : all; });
  }
  function byId(id) { return document.getElementById(id); }

  function fields() { return Array.prototype.slice.call(form.querySelectorAll('.field[data-field]')); }
  function fieldOf(path) { return form.querySelector('.field[data-field="' + CSS.escape(path) + '"]'); }
  function controls(path) {
    return Array.prototype.filter.call(form.elements, function (el) { return el.name === path; });
  }
  function valueOf(path) {
    var value = '';
    controls(path).forEach(function (el) {
      if (el.type === 'radio') { if (el.checked) value = el.value; } else value = el.value;
    });
    return (value || '').trim();
  }

  // The answers by fact path; an empty or hidden control is left out, which the file reads as
  // "not reported".
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

  function setValue(path, value) {
    controls(path).forEach(function (el) {
      if (el.type === 'hidden') return;
      if (el.type === 'radio') el.checked = (el.value === (value || ''));
      else el.value = value || '';
    });
  }

  // Every visible control from a set of values; a field the values leave out is emptied.
  function setAll(values) {
    var seen = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || seen[el.name] || el.type === 'hidden' || el.type === 'file') return;
      seen[el.name] = true;
      setValue(el.name, values[el.name]);
    });
  }

  // A question asked only under a condition (the capacity of a generator) is hidden, and not
  // sent, when the answer it depends on rules it out.
  function applicability() {
    fields().forEach(function (field) {
      var rule = field.getAttribute('data-ask-when');
      if (!rule) return;
      rule = JSON.parse(rule);
      var given = valueOf(rule.fact);
      var applies = given === '' || rule.values.indexOf(given) >= 0;
      field.hidden = !applies;
      field.querySelectorAll('input, select').forEach(function (el) { el.disabled = !applies; });
    });
  }

  function save() {
    try { localStorage.setItem(storageKey, JSON.stringify({ language: lang, answers: answers(), touched: touched })); } catch (e) { /* private mode */ }
  }

  function post(path, body, type) {
    return fetch(path + '?lang=' + encodeURIComponent(lang), {
      method: 'POST', headers: { 'Content-Type': type }, body: body, credentials: 'same-origin'
    });
  }

  // The ids that describe a control: its help line, and the question or note when shown.
  function describe(path) {
    var field = fieldOf(path);
    if (!field) return;
    var ids = [];
    var help = byId('h-' + path);
    if (help) ids.push(help.id);
    var question = byId('q-' + path);
    if (question && !question.hidden) ids.push(question.id);
    var note = byId('n-' + path);
    if (note && !note.hidden) ids.push(note.id);
    var invalid = question && !question.hidden;
    var target = field.querySelector('fieldset.choices') || field.querySelector('input, select');
    if (target) {
      if (ids.length) target.setAttribute('aria-describedby', ids.join(' ')); else target.removeAttribute('aria-describedby');
    }
    field.querySelectorAll('input, select').forEach(function (el) {
      if (invalid) el.setAttribute('aria-invalid', 'true'); else el.removeAttribute('aria-invalid');
    });
    field.classList.toggle('has-question', !!invalid);
  }

  function showQuestions(list) {
    form.querySelectorAll('[data-question-for]').forEach(function (slot) {
      slot.textContent = '';
      slot.hidden = true;
    });
    (list || []).forEach(function (q) {
      if (!touched[q.field]) return;
      var slot = byId('q-' + q.field);
      if (!slot) return;
      slot.textContent = q.text;
      slot.hidden = false;
    });
    fields().forEach(function (field) { describe(field.getAttribute('data-field')); });
  }

  function showNotes() {
    form.querySelectorAll('[data-notes-for]').forEach(function (slot) {
      var note = notes[slot.getAttribute('data-notes-for')];
      slot.textContent = note || '';
      slot.hidden = !note;
    });
  }

  // "Còn 2 câu bắt buộc chưa trả lời" above the form, and "3/6" on each section.
  function progress() {
    var missing = 0;
    fields().forEach(function (field) {
      if (field.hidden || field.getAttribute('data-required') !== 'true') return;
      if (valueOf(field.getAttribute('data-field')) === '') missing += 1;
    });
    requiredCount.textContent = missing ? fill(text('required'), { n: missing }) : text('required-done');
    requiredCount.className = 'required-count' + (missing ? ' open' : ' done');
    form.querySelectorAll('fieldset.section').forEach(function (section) {
      var done = 0, of = 0;
      section.querySelectorAll('.field[data-field]').forEach(function (field) {
        if (field.hidden) return;
        of += 1;
        if (valueOf(field.getAttribute('data-field')) !== '') done += 1;
      });
      var badge = section.querySelector('.progress');
      if (!badge) return;
      badge.querySelector('.done').textContent = done;
      badge.querySelector('.of').textContent = of;
    });
  }

  function show(data) {
    latestData = data;
    // The scorecard comes rendered by the server, every piece of ward text already escaped.
    scorecard.innerHTML = data.scorecard_html;
    checkText.textContent = data.check_text;
    checkDiagnostics.textContent = '';
    (data.diagnostics || []).forEach(function (d) {
      var item = document.createElement('li');
      item.textContent = d.line + ':' + d.column + ' ' + d.severity + '[' + d.code + '] ' + d.message + (d.hint ? ' — ' + d.hint : '');
      checkDiagnostics.appendChild(item);
    });
    summary.textContent = data.summary;
    summary.className = 'summary-bar ' + (data.scored ? (data.ready ? 'ready' : 'not-ready') : 'invalid');
    // Only the score line is announced, and only when it changes.
    if (scoreLine.textContent !== data.score_line) scoreLine.textContent = data.score_line;
    showQuestions(data.questions);
    showNotes();
    progress();
  }

  function refused(data) {
    status.textContent = data && data.error ? data.error.message : text('offline');
  }

  var timer = null;
  var latest = 0;
  function evaluate(typedIn) {
    var mine = ++latest;
    status.textContent = text('busy');
    var body = { answers: answers() };
    if (typedIn && typedIn !== lang) body.typed_in = typedIn;
    return post('/api/evaluate', JSON.stringify(body), 'application/json')
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (mine !== latest) return null;  // a newer evaluation is on its way
        if (data.error) { refused(data); return null; }
        status.textContent = '';
        show(data);
        form.setAttribute('data-evaluated', String(mine));
        return data;
      })
      .catch(function () { if (mine === latest) status.textContent = text('offline'); return null; });
  }

  function changed(event) {
    var target = event && event.target;
    // Only the answers count: choosing a file to open or typing the secret changes none.
    if (target && !target.name) return;
    if (target && target.name) {
      touched[target.name] = true;
      delete notes[target.name];
    }
    applicability();
    save();
    progress();
    clearTimeout(timer);
    timer = setTimeout(evaluate, 250);
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function (event) { event.preventDefault(); });

  // Choosing a code from the city's roster fills the facts the roster holds for that unit.
  var code = form.querySelector('[data-roster]');
  var roster = byId('roster');
  if (code && roster) {
    code.addEventListener('input', function () {
      var wanted = code.value.trim().replace(/^["'“”«»]+|["'“”«»]+$/g, '');
      var option = Array.prototype.find.call(roster.options, function (o) { return o.value === wanted; });
      if (!option) return;
      var values = JSON.parse(option.getAttribute('data-fill') || '{}');
      Object.keys(values).forEach(function (path) { setValue(path, values[path]); });
    });
  }

  byId('download').addEventListener('click', function () {
    var blank = (latestData && latestData.questions || []).map(function (q) {
      var field = fieldOf(q.field);
      var label = field && field.querySelector('label, legend');
      return label ? label.textContent.replace(/\s*\(.*\)\s*$/, '') : q.field;
    });
    post('/api/yaml', JSON.stringify({ answers: answers() }), 'application/json').then(function (response) {
      if (!response.ok) return response.json().then(refused);
      var match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
      var name = match ? match[1] : 'facts.yaml';
      return response.blob().then(function (blob) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = name;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
        toolStatus.textContent = blank.length ? fill(text('downloaded-blank'), { list: blank.join('; ') }) : fill(text('downloaded'), { name: name });
      });
    }).catch(function () { status.textContent = text('offline'); });
  });

  byId('upload').addEventListener('change', function (event) {
    var file = event.target.files[0];
    if (!file) return;
    // The file's bytes as they are, so the server reads exactly what `validate` would.
    post('/api/upload', file, 'application/yaml')
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.error) { refused(data); return; }
        setAll(data.answers || {});
        notes = {};
        touched = {};
        Object.keys(data.answers || {}).forEach(function (path) { touched[path] = true; });
        (data.notes || []).forEach(function (n) { notes[n.field] = n.text; touched[n.field] = true; });
        (data.questions || []).forEach(function (q) { touched[q.field] = true; });
        applicability();
        save();
        latest += 1;
        show(data);
        status.textContent = '';
        toolStatus.textContent = fill(text('uploaded'), { name: file.name });
        form.setAttribute('data-uploaded', file.name);
      })
      .catch(function () { status.textContent = text('offline'); });
    event.target.value = '';
  });

  byId('clear').addEventListener('click', function () {
    if (!window.confirm(text('confirm-clear'))) return;
    try { localStorage.removeItem(storageKey); } catch (e) { /* nothing kept */ }
    form.reset();
    touched = {};
    notes = {};
    applicability();
    evaluate();
  });

  var submit = byId('submit-button');
  if (submit) {
    var submitStatus = byId('submit-status');
    submit.addEventListener('click', function () {
      var body = JSON.stringify({ answers: answers(), token: byId('token').value });
      submitStatus.textContent = text('busy');
      post('/api/submit', body, 'application/json')
        .then(function (response) { return response.json(); })
        .then(function (data) {
          submitStatus.textContent = data.error ? data.error.message : data.message;
          submitStatus.className = 'status ' + (data.error ? 'refused' : 'accepted');
          if (data.assessment) {
            // Submitting asks every open question, touched or not.
            fields().forEach(function (field) { touched[field.getAttribute('data-field')] = true; });
            show(data.assessment);
          }
        })
        .catch(function () { submitStatus.textContent = text('offline'); });
    });
  }

  // Answers kept on this device come back; typed on the page in the other language, they are
  // read in that language and shown back in this one (1.000 is a thousand only in Vietnamese).
  var typedIn = null;
  try {
    var saved = JSON.parse(localStorage.getItem(storageKey) || 'null');
    if (saved && saved.answers && Object.keys(saved.answers).length) {
      setAll(saved.answers);
      touched = saved.touched || {};
      typedIn = saved.language || lang;
      toolStatus.textContent = text('restored');
    }
  } catch (e) { /* nothing kept */ }
  applicability();
  progress();
  evaluate(typedIn).then(function (data) {
    if (!data || !typedIn || typedIn === lang) return;
    Object.keys(data.shown || {}).forEach(function (path) { setValue(path, data.shown[path]); });
    save();
  });
})();
"""#
}
