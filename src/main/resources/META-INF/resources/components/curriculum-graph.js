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
    this._resize = null;
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
    if (!this.style.position) {
      this.style.position = 'relative';
    }
    // drawn while its tab was hidden the graph had no size; refit whenever the element gets or changes its size
    if (!this._resize && window.ResizeObserver) {
      this._resize = new ResizeObserver(() => {
        if (this._cy && this.clientWidth > 0 && this.clientHeight > 0) {
          this._cy.resize();
          this.fit();
        }
      });
      this._resize.observe(this);
    }
    this._render();
  }

  /** Zooms so that the whole graph is visible, with a margin. */
  fit() {
    if (this._cy) {
      this._cy.fit(undefined, 24);
    }
  }

  disconnectedCallback() {
    if (this._resize) {
      this._resize.disconnect();
      this._resize = null;
    }
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
    this._ensureFitButton();
    this._cy = cytoscape({
      container: this,
      elements,
      wheelSensitivity: 0.2,
      // hierarchical, top-down: qualification, units, outcomes, skills, the target's essential skills, the target;
      // node sizes include their labels so that labels of one level do not run into each other
      layout: { name: 'breadthfirst', directed: true, roots: '#q', spacingFactor: 1.05, padding: 24,
        avoidOverlap: true, nodeDimensionsIncludeLabels: true, fit: true },
      minZoom: 0.05,
      maxZoom: 3,
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-wrap': 'wrap',
            'text-max-width': 110, 'text-valign': 'bottom', 'text-margin-y': 3, 'min-zoomed-font-size': 6,
            'background-color': '#94a3b8', width: 14, height: 14 } },
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

CurriculumGraph.prototype._ensureFitButton = function () {
  if (this._fitButton) {
    this._fitButton.textContent = this.getAttribute('fit-label') || 'Fit';
    return;
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'curriculum-graph-fit';
  button.textContent = this.getAttribute('fit-label') || 'Fit';
  button.style.cssText = 'position:absolute;top:4px;right:4px;z-index:10;font:inherit;font-size:var(--lumo-font-size-s);'
      + 'padding:2px 8px;border:1px solid var(--lumo-contrast-30pct);border-radius:var(--lumo-border-radius-m);'
      + 'background:var(--lumo-base-color);color:var(--lumo-body-text-color);cursor:pointer';
  button.addEventListener('click', () => this.fit());
  this._fitButton = button;
  // Cytoscape owns the element's children it creates; the button sits next to them and above the canvas
  this.appendChild(button);
};

if (!customElements.get('curriculum-graph')) {
  customElements.define('curriculum-graph', CurriculumGraph);
}
})();
