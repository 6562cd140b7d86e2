// The page's only script, inline and constant (the page's Content-Security-Policy allows it
// by hash and nothing else). It adds to a page that is complete without it: each header of a
// table's `th[data-sort]` becomes a sort button, and the hidden filter form is shown and wired
// to the table it names. Plain ES2017 without modules, so it runs from file:// too.

export const SCRIPT = `(function () {
  'use strict';
  var collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  function key(row, index, kind) {
    var cell = row.cells[index];
    var text = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent.trim();
    return kind === 'number' ? Number(text) : text;
  }
  function sortTable(table, index, kind, direction) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var sign = direction === 'ascending' ? 1 : -1;
    rows.sort(function (a, b) {
      var x = key(a, index, kind), y = key(b, index, kind);
      var c = kind === 'number' ? x - y : collator.compare(x, y);
      return c !== 0 ? sign * c : collator.compare(a.cells[0].textContent, b.cells[0].textContent);
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table'), function (table) {
    var heads = table.querySelectorAll('thead th[data-sort]');
    Array.prototype.forEach.call(heads, function (th) {
      var button = document.createElement('button');
      button.type = 'button';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () {
        var direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        Array.prototype.forEach.call(heads, function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', direction);
        sortTable(table, th.cellIndex, th.getAttribute('data-sort'), direction);
      });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('form[data-filter]'), function (form) {
    var table = document.getElementById(form.getAttribute('data-filter'));
    var input = form.querySelector('input');
    var output = form.querySelector('output');
    if (!table || !input) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function apply() {
      var terms = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var match = terms.every(function (t) { return text.indexOf(t) !== -1; });
        row.hidden = !match;
        if (match) shown++;
      });
      if (output) output.textContent = terms.length ? 'Showing ' + shown + ' of ' + rows.length : rows.length + ' in all';
    }
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    input.addEventListener('input', apply);
    form.hidden = false;
    apply();
  });
})();`;
