// A little progressive enhancement: every page works without it. "Add rows" copies a row in the
// browser instead of asking the server for a longer form; dangerous buttons ask first; the
// financial checksheet asks the API for its rating as figures are typed (the button does it without).

export const APP_JS = `
(function () {
  'use strict';
  function renumber(row, index) {
    row.querySelectorAll('[name],[id],[for],[aria-describedby]').forEach(function (el) {
      ['name', 'id', 'for', 'aria-describedby'].forEach(function (attr) {
        var v = el.getAttribute(attr);
        if (v) el.setAttribute(attr, v.replace(/([.-])\\d+([.-])/, '$1' + index + '$2'));
      });
    });
    row.querySelectorAll('label, th[scope="row"]').forEach(function (el) {
      el.textContent = el.textContent.replace(/\\d+/, String(index + 1));
    });
  }
  function addRow(tableId) {
    var body = document.querySelector('#' + tableId + ' tbody');
    if (!body) return;
    var rows = body.querySelectorAll('tr');
    var copy = rows[rows.length - 1].cloneNode(true);
    copy.querySelectorAll('.field-error').forEach(function (el) { el.remove(); });
    copy.querySelectorAll('input, select, textarea').forEach(function (el) {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-describedby');
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = false;
      else if (el.tagName === 'SELECT') el.selectedIndex = 0;
      else if (el.type !== 'hidden') el.value = '';
      else if (el.name.endsWith('.key')) el.value = '';
    });
    renumber(copy, rows.length);
    body.appendChild(copy);
    var first = copy.querySelector('input:not([type="hidden"]), select');
    if (first) first.focus();
  }
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var add = target.closest('[data-add-row]');
    if (add) { event.preventDefault(); addRow(add.getAttribute('data-add-row')); return; }
    var ask = target.closest('[data-confirm]');
    if (ask && !window.confirm(ask.getAttribute('data-confirm'))) event.preventDefault();
  });
  // The financial checksheet: the rating from the API (POST …/financial-rating, nothing saved) as
  // the figures are typed; the labels come from the page, so the words stay the municipality's.
  document.querySelectorAll('[data-rating-url]').forEach(function (box) {
    var output = box.querySelector('[data-rating-output]');
    var form = box.closest('form');
    var labels = JSON.parse(box.getAttribute('data-rating-labels') || '{}');
    var timer;
    box.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var body = {};
        var names = ['currentAssets', 'currentLiabilities', 'fixedAssets', 'equity', 'totalCapital'];
        for (var i = 0; i < names.length; i++) {
          var field = form.elements.namedItem('financials.' + names[i]);
          var text = field ? field.value.replace(/[,，s]/g, '') : '';
          if (!/^-?d{1,15}$/.test(text)) return;
          body[names[i]] = Number(text);
        }
        body.unit = form.elements.namedItem('financials.unit').value;
        fetch(box.getAttribute('data-rating-url'), {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', 'x-csrf-token': form.elements.namedItem('_csrf').value },
          body: JSON.stringify(body)
        }).then(function (res) { return res.ok ? res.json() : null; }).then(function (r) {
          if (!r || !output) return;
          output.textContent = ['currentRatio', 'fixedRatio', 'equityRatio'].map(function (k) {
            return labels[k] + ' ' + r[k].display + '（' + r[k].stability + '）';
          }).concat([labels.grade + ' ' + r.grade]).join(' / ');
        }).catch(function () {});
      }, 400);
    });
  });
  // One click, one submission: a double click must not post the same change twice.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset.sent) { event.preventDefault(); return; }
    form.dataset.sent = '1';
    setTimeout(function () { delete form.dataset.sent; }, 5000);
  });
})();
`;
