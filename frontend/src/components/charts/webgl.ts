/**
 * Which charts need WebGL, and whether this browser has it. plotly.js draws some trace types
 * (parallel coordinates, the fast scatter of long histories) only through WebGL; where WebGL is
 * off or unsupported they fail to draw, so the chart card shows their table instead.
 */
import type { Figure } from "../data/dataApi";

/** The plotly trace types the server sends that render only through WebGL. */
const WEBGL_TRACE_TYPES: ReadonlySet<string> = new Set(["parcoords", "scattergl"]);

/** True when one of the figure's traces is drawn with WebGL. */
export function needsWebGL(figure: Figure): boolean {
  return figure.data.some((trace) => {
    const type = (trace as { type?: unknown }).type;
    return typeof type === "string" && WEBGL_TRACE_TYPES.has(type);
  });
}

/** The WebGL extensions plotly.js requires for those traces (its `prepareRegl` calls). */
const REQUIRED_EXTENSIONS = ["ANGLE_instanced_arrays", "OES_element_index_uint"];

/**
 * True when this browser gives a WebGL context with the extensions plotly.js needs. The probe's
 * context is released at once: browsers allow only a few live contexts per page.
 */
export function webGLAvailable(): boolean {
  const canvas = document.createElement("canvas");
  let context: WebGLRenderingContext | null;
  try {
    context = canvas.getContext("webgl") ?? (canvas.getContext("experimental-webgl") as WebGLRenderingContext | null);
  } catch {
    // Some browsers throw instead of returning null when WebGL is blocked.
    return false;
  }
  if (context === null) return false;
  const usable = REQUIRED_EXTENSIONS.every((name) => context.getExtension(name) !== null);
  context.getExtension("WEBGL_lose_context")?.loseContext();
  return usable;
}
