/* Inside the embed's iframe: tell the host page how tall the content is, so
 * its loader (static/embed.js) sizes the iframe with no inner scrollbar, and
 * open ordinary links in a new tab rather than in the frame. */

export function startFrame() {
  if (window.parent === window) return;
  let lastHeight = 0;
  const postHeight = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    // The height is no secret, and the host's origin is unknown: any origin may read it.
    window.parent.postMessage({ type: "summit:height", height, href: location.href }, "*");
  };
  new ResizeObserver(postHeight).observe(document.documentElement);
  window.addEventListener("load", postHeight);
  document.addEventListener("timeline:rendered", postHeight);
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest("a[href]");
    if (!link || link.hasAttribute("hx-get") || (link.getAttribute("href") || "").startsWith("#")) return;
    link.setAttribute("target", "_blank");
    link.setAttribute("rel", "noopener");
  });
  postHeight();
}
