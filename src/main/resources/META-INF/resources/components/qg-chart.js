// Loaded at run time as a classic script after vendor/chart-4.4.9.umd.js, which defines window.Chart (all
// controllers registered), so no front-end build is needed.
(() => {
const Chart = window.Chart;

/**
 * <qg-chart> draws a Chart.js chart from its `config` property: a JSON string (or object) in Chart.js's own
 * configuration format ({type, data, options}). Setting the property again redraws the chart.
 */
class QgChart extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.shadowRoot.innerHTML = '<style>:host{display:block;position:relative;min-height:220px}</style><canvas></canvas>';
    this._chart = null;
    this._config = null;
  }

  set config(value) {
    this._config = typeof value === 'string' ? JSON.parse(value) : value;
    this._render();
  }

  get config() {
    return this._config;
  }

  connectedCallback() {
    // a property set before this element was defined shadows the setter: take it over
    if (Object.prototype.hasOwnProperty.call(this, 'config')) {
      const value = this.config;
      delete this.config;
      this.config = value;
    }
    this._render();
  }

  disconnectedCallback() {
    if (this._chart) {
      this._chart.destroy();
      this._chart = null;
    }
  }

  _render() {
    if (!this.isConnected || !this._config) {
      return;
    }
    if (this._chart) {
      this._chart.destroy();
    }
    const config = structuredClone(this._config);
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
    this._chart = new Chart(this.shadowRoot.querySelector('canvas'), config);
  }
}

if (!customElements.get('qg-chart')) {
  customElements.define('qg-chart', QgChart);
}
})();
