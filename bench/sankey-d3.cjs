/* SPDX-License-Identifier: GPL-3.0-or-later */
// bench/sankey-d3.cjs: lays out the graphs of sankey-bench with d3-sankey 0.12.3 and counts the weighted
// crossings of both layouts with one counter.
//
//   node sankey-d3.cjs GRAPH.json...
//
// Each GRAPH.json (written by sankey-bench) holds the nodes with their stage, the links with their
// value, the extent, node width and padding atlas used, and the vertical centre of each node in the
// atlas layout. d3-sankey gets the same graph, extent, node width and padding, nodes aligned to their
// stage (nodeAlign returns the stage index), its default 6 iterations and its default node sort.
//
// Weighted crossings, counted here for both layouts from nothing but the nodes' vertical order within
// their stage (by the centre y of each node, ties broken by node id): every link joins neighbouring
// stages, so two links between the same two stages cross when their sources are in one order and their
// targets in the other, strictly; such a pair counts the product of their values. Links sharing a
// source or a target never cross (their bands are stacked at that node). This is the count atlas
// minimises, and the counter checks that it matches atlas's own figure for atlas's layout.

'use strict';

const fs = require('fs');
const path = require('path');
const { sankey } = require(path.join(__dirname, 'vendor', 'node_modules', 'd3-sankey'));

function ranks(nodes, y) {
  const byStage = new Map();
  for (const node of nodes) {
    if (!byStage.has(node.stage)) byStage.set(node.stage, []);
    byStage.get(node.stage).push(node.id);
  }
  const rank = new Array(nodes.length);
  for (const ids of byStage.values()) {
    ids.sort((a, b) => (y[a] - y[b]) || (a - b));
    ids.forEach((id, i) => { rank[id] = i; });
  }
  return rank;
}

// Sum over crossing pairs of links of the product of their values.
function weightedCrossings(graph, y) {
  const stage = graph.nodes.map((node) => node.stage);
  const rank = ranks(graph.nodes, y);
  const perStage = new Map();
  for (const link of graph.links) {
    if (stage[link.target] !== stage[link.source] + 1)
      throw new Error('a link that does not join neighbouring stages');
    if (!perStage.has(stage[link.source])) perStage.set(stage[link.source], []);
    perStage.get(stage[link.source]).push(link);
  }
  let total = 0;
  for (const links of perStage.values()) {
    links.sort((a, b) => (rank[a.source] - rank[b.source]) || (rank[a.target] - rank[b.target]));
    const size = Math.max(...links.map((l) => rank[l.target])) + 2;
    const tree = new Float64Array(size + 1);  // Fenwick tree of weights by target rank
    const add = (i, w) => { for (i += 1; i <= size; i += i & -i) tree[i] += w; };
    const upTo = (i) => { let s = 0; for (i += 1; i > 0; i -= i & -i) s += tree[i]; return s; };
    let inserted = 0;
    for (let i = 0; i < links.length;) {
      let j = i;
      while (j < links.length && rank[links[j].source] === rank[links[i].source]) j++;
      // Earlier sources with a later target cross each of these.
      for (let k = i; k < j; k++)
        total += links[k].value * (inserted - upTo(rank[links[k].target]));
      for (let k = i; k < j; k++) {
        add(rank[links[k].target], links[k].value);
        inserted += links[k].value;
      }
      i = j;
    }
  }
  return total;
}

function layOutWithD3(graph) {
  const layout = sankey()
    .nodeId((d) => d.id)
    .nodeAlign((node) => node.stage)
    .nodeWidth(graph.node_width)
    .nodePadding(graph.node_padding)
    .extent(graph.extent);
  // d3-sankey writes into what it is given: a fresh copy each time.
  return layout({
    nodes: graph.nodes.map((d) => ({ ...d })),
    links: graph.links.map((d) => ({ ...d })),
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

console.log(['nodes', 'links', 'stages', 'atlas_ms', 'd3_ms', 'crossings_dataset_order',
             'crossings_planted', 'crossings_atlas', 'crossings_d3', 'atlas_over_d3', 'atlas_own_count'].join('\t'));
for (const file of process.argv.slice(2)) {
  const graph = JSON.parse(fs.readFileSync(file, 'utf8'));
  // d3-sankey takes seconds on the largest graphs: fewer runs there.
  const n = graph.nodes.length;
  const runs = n <= 100 ? 21 : n <= 500 ? 5 : n <= 1000 ? 3 : 1;
  const times = [];
  let result;
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    result = layOutWithD3(graph);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const d3y = new Array(graph.nodes.length);
  for (const node of result.nodes) d3y[node.id] = (node.y0 + node.y1) / 2;

  const datasetOrder = graph.nodes.map((node) => node.id);  // ranks by id: the order as listed
  const initial = weightedCrossings(graph, datasetOrder);
  const atlas = weightedCrossings(graph, graph.atlas_y);
  const d3 = weightedCrossings(graph, d3y);
  const planted = weightedCrossings(graph, graph.planted_y);
  // The same definition as atlas's own count: anything else means the counter is wrong.
  const relative = (a, b) => Math.abs(a - b) / Math.max(1, Math.abs(b));
  if (relative(atlas, graph.atlas_own_crossings) > 1e-9 || relative(initial, graph.atlas_initial_crossings) > 1e-9)
    console.error(`${file}: counter ${atlas} / ${initial} differs from atlas's own ${graph.atlas_own_crossings} / ${graph.atlas_initial_crossings}`);
  console.log([graph.nodes.length, graph.links.length, graph.n_stages, graph.atlas_ms.toFixed(3),
               median(times).toFixed(3), initial.toExponential(4), planted.toExponential(4), atlas.toExponential(4),
               d3.toExponential(4), d3 > 0 ? (atlas / d3).toFixed(4) : (atlas > 0 ? 'inf' : '1.0000'),
               graph.atlas_own_crossings.toExponential(4)].join('\t'));
}
