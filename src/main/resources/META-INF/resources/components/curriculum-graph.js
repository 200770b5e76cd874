// Loaded at run time as a classic script after vendor/cytoscape-3.30.4.min.js, which defines window.cytoscape,
// so no front-end build is needed.
(() => {
const cytoscape = window.cytoscape;

/**
 * <curriculum-graph>: draws the curriculum graph with Cytoscape.js. The server sets the `elements` property to a JSON
 * string of Cytoscape elements (nodes and edges with classes qualification, unit, outcome, skill, essential, covered,
 * missing, local, target).
 */
class CurriculumGraph extends HTMLElement {
  constructor() {
    super();
    this._elements = '[]';
    this._cy = null;
  }

  connectedCallback() {
    if (Object.prototype.hasOwnProperty.call(this, 'elements')) {
      const value = this.elements;
      delete this.elements;
      this.elements = value;
    }
    if (!this.style.display) {
      this.style.display = 'block';
    }
    this._render();
  }

  disconnectedCallback() {
    if (this._cy) {
      this._cy.destroy();
      this._cy = null;
    }
  }

  set elements(value) {
    this._elements = value || '[]';
    this._render();
  }

  get elements() {
    return this._elements;
  }

  _render() {
    if (!this.isConnected) {
      return;
    }
    let elements;
    try {
      elements = JSON.parse(this._elements);
    } catch (e) {
      elements = [];
    }
    if (this._cy) {
      this._cy.destroy();
    }
    this._cy = cytoscape({
      container: this,
      elements,
      wheelSensitivity: 0.2,
      layout: { name: 'breadthfirst', directed: true, roots: '#q', spacingFactor: 0.9, padding: 10 },
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 9, 'text-wrap': 'ellipsis',
            'text-max-width': 120, 'background-color': '#94a3b8', width: 14, height: 14 } },
        { selector: 'node.qualification', style: { 'background-color': '#1e40af', shape: 'round-rectangle', width: 30, height: 20 } },
        { selector: 'node.unit', style: { 'background-color': '#3b82f6', shape: 'round-rectangle', width: 24 } },
        { selector: 'node.outcome', style: { 'background-color': '#93c5fd' } },
        { selector: 'node.skill', style: { 'background-color': '#a3a3a3', shape: 'diamond' } },
        { selector: 'node.covered', style: { 'background-color': '#16a34a', shape: 'diamond' } },
        { selector: 'node.missing', style: { 'background-color': '#dc2626', shape: 'diamond' } },
        { selector: 'node.local', style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': '#7c3aed' } },
        { selector: 'node.target', style: { 'background-color': '#f59e0b', shape: 'star', width: 30, height: 30 } },
        { selector: 'edge', style: { width: 1, 'line-color': '#cbd5e1', 'curve-style': 'bezier',
            'target-arrow-shape': 'triangle', 'target-arrow-color': '#cbd5e1', 'arrow-scale': 0.6 } }
      ]
    });
  }
}

if (!customElements.get('curriculum-graph')) {
  customElements.define('curriculum-graph', CurriculumGraph);
}
})();
