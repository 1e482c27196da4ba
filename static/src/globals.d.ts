// Types for what summit's scripts share with the page: the one namespace they
// set (window.summit) and the libraries they find there (htmx, plotly.js).

/** A Plotly figure as the server lays it out (timeline/chart/draw_plotly.py). */
interface Figure {
  data: Trace[];
  layout: Layout;
  key?: unknown[];
  /** Each light colour's lighter twin, drawn on a dark page. */
  dark?: Record<string, string>;
  range_bars?: Record<"light" | "dark", { opacity: number; width: number }>;
}

interface Trace {
  type?: string;
  meta?: string;
  x?: (string | number | null)[];
  y?: (string | number | null)[];
  base?: (string | number)[];
  customdata?: (string[] | null)[];
  yaxis?: string;
  opacity?: number;
  marker?: { color?: string | string[]; line?: { color?: string | string[]; width?: number } };
  line?: { color?: string; width?: number };
  [key: string]: unknown;
}

interface Axis {
  type?: string;
  range?: (string | number)[];
  domain?: number[];
  autorange?: boolean;
  [key: string]: unknown;
}

interface Layout {
  height?: number;
  margin?: { l?: number; r?: number; t?: number; b?: number };
  xaxis?: Axis;
  yaxis?: Axis;
  font?: { color?: string; [key: string]: unknown };
  meta?: { total?: number; shown?: number; complete?: boolean; width?: number };
  shapes?: { fillcolor?: string; [key: string]: unknown }[];
  annotations?: { name?: string; [key: string]: unknown }[];
  datarevision?: string | number;
  dragmode?: string | false;
  [key: string]: unknown;
}

/** A graph div once plotly.js has drawn into it: its public properties. */
interface PlotlyHolder extends HTMLElement {
  data?: Trace[];
  layout?: Layout;
  on?: (name: string, handler: (event: any) => void) => void;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Summit {
  /** Set by the loader: where plotly.js is (waiting, loading, ready). */
  plotly?: { state: string };
  /** The chart's seam for tests and the keyboard (chart/controller.js). */
  chart?: unknown;
  /** Set by the host page's embed loader, so a second copy does nothing. */
  embedHost?: boolean;
}

interface Window {
  summit?: Summit;
  Plotly?: any;
  htmx?: any;
  django?: any;
}
