// Draws each chart from the ECharts option the server wrote into data-chart (the figures come from the reports;
// nothing is computed here). SVG renderer with ARIA; charts follow the window's width.
(function () {
  'use strict';
  function draw() {
    var charts = [];
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(JSON.parse(el.getAttribute('data-chart')));
      charts.push(chart);
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (c) { c.resize(); });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
