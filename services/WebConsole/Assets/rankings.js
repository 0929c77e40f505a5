// 考核排名's chart, drawn from the ranking table already on the page (the table is the record; the chart only pictures
// it). One bar per party in rank order, coloured by its rating; a bar opens the party's sheet. Loaded as a file: no inline script.
(function () {
  'use strict';
  var table = document.querySelector('table[data-ranking-source]');
  var canvas = document.getElementById('ranking-chart');
  if (!table || !canvas || !window.Chart) return;
  var colours = { excellent: '#1e6b3a', good: '#0b5394', pass: '#b7791f', fail: '#b3261e' };
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
  var links = rows.map(function (r) { var a = r.querySelector('th a'); return a ? a.href : null; });
  canvas.parentElement.style.height = Math.max(200, rows.length * 32 + 60) + 'px';
  window.Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
  var linkAt = function (elements) { return elements.length ? links[elements[0].index] : null; };
  var chart = new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: rows.map(function (r) { return r.querySelector('th').textContent.trim(); }),
      datasets: [{
        label: '总分',
        data: rows.map(function (r) { return Number(r.querySelector('td[data-total]').getAttribute('data-total')); }),
        backgroundColor: rows.map(function (r) { return colours[r.getAttribute('data-rating')] || '#8e9aaf'; })
      }]
    },
    options: {
      indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
      scales: { x: { beginAtZero: true } },
      plugins: { legend: { display: false } },
      onHover: function (event, elements) { event.native.target.style.cursor = linkAt(elements) ? 'pointer' : 'default'; },
      onClick: function (event, elements) { var link = linkAt(elements); if (link) window.location.assign(link); }
    }
  });
  canvas.setAttribute('data-chart-ready', String(chart.data.labels.length));
})();
