// 总览's chart, drawn from the table already on the page (the table is the record; the chart only pictures it).
// Each bar segment opens the list behind the same cell of the table. Loaded as a file: no inline script.
(function () {
  'use strict';
  var table = document.querySelector('table[data-chart-source]');
  var canvas = document.getElementById('overview-chart');
  if (!table || !canvas || !window.Chart) return;
  var palette = ['#8e9aaf', '#0b5394', '#c0392b', '#e69f00', '#a0522d', '#56b4e9', '#009e73', '#cc79a7'];
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
  var series = Array.prototype.map.call(table.querySelectorAll('thead th[data-series]'), function (th) {
    return { key: th.getAttribute('data-series'), label: th.textContent.trim() };
  });
  var cell = function (row, key) { return row.querySelector('td[data-status="' + key + '"]'); };
  var datasets = series.map(function (s, i) {
    return {
      label: s.label,
      backgroundColor: palette[i % palette.length],
      data: rows.map(function (r) { var td = cell(r, s.key); return td ? Number(td.getAttribute('data-value')) : 0; }),
      links: rows.map(function (r) { var a = cell(r, s.key) && cell(r, s.key).querySelector('a'); return a ? a.href : null; })
    };
  });
  canvas.parentElement.style.height = Math.max(240, rows.length * 30 + 110) + 'px';
  window.Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
  var linkAt = function (elements) {
    return elements.length ? datasets[elements[0].datasetIndex].links[elements[0].index] : null;
  };
  var chart = new window.Chart(canvas, {
    type: 'bar',
    data: { labels: rows.map(function (r) { return r.querySelector('th').textContent.trim(); }), datasets: datasets },
    options: {
      indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
      scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      onHover: function (event, elements) { event.native.target.style.cursor = linkAt(elements) ? 'pointer' : 'default'; },
      onClick: function (event, elements) { var link = linkAt(elements); if (link) window.location.assign(link); }
    }
  });
  canvas.setAttribute('data-chart-ready', String(chart.data.datasets.length));

  // The weekly trend: received and closed as bars, open at the week's end as a line; a "received" bar opens its list.
  var trendTable = document.querySelector('table[data-trend-source]');
  var trendCanvas = document.getElementById('trend-chart');
  if (!trendTable || !trendCanvas) return;
  var weeks = Array.prototype.slice.call(trendTable.querySelectorAll('tbody tr'));
  var column = function (key) {
    return weeks.map(function (r) { return Number(r.querySelector('td[data-series="' + key + '"]').getAttribute('data-value')); });
  };
  var receivedLinks = weeks.map(function (r) { var a = r.querySelector('td[data-series="received"] a'); return a ? a.href : null; });
  var trendLink = function (elements) {
    return elements.length && elements[0].datasetIndex === 0 ? receivedLinks[elements[0].index] : null;
  };
  var trend = new window.Chart(trendCanvas, {
    data: {
      labels: weeks.map(function (r) { return r.querySelector('th').textContent.trim(); }),
      datasets: [
        { type: 'bar', label: '新收', data: column('received'), backgroundColor: '#0b5394' },
        { type: 'bar', label: '销号', data: column('closed'), backgroundColor: '#009e73' },
        { type: 'line', label: '周末在办', data: column('open'), borderColor: '#c0392b', backgroundColor: '#c0392b', tension: 0 }
      ]
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      onHover: function (event, elements) { event.native.target.style.cursor = trendLink(elements) ? 'pointer' : 'default'; },
      onClick: function (event, elements) { var link = trendLink(elements); if (link) window.location.assign(link); }
    }
  });
  trendCanvas.setAttribute('data-chart-ready', String(trend.data.datasets.length));
})();
