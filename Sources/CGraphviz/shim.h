// Swift-facing shim over Graphviz's cgraph and gvc libraries.
//
// Graphviz's C API has three traits that Swift cannot consume directly:
//   * many functions take `char *` for strings they never modify (agnode, agsafeset, agget, ...);
//   * the interesting accessors are macros (agtail, aghead, GD_label, ...);
//   * some signatures changed between releases (gvRenderData's length is `unsigned int *` up to
//     Graphviz 12 and `size_t *` from 13.0 on; gvPluginList lost its unused fourth parameter;
//     agstrfree gained an `is_html` flag in 13.0).
// Every wrapper below is `static inline`, const-correct and has one stable signature, so the Swift
// code never depends on the installed Graphviz version. Only GraphRender may import this module.
#ifndef LUCID_CGRAPHVIZ_SHIM_H
#define LUCID_CGRAPHVIZ_SHIM_H

#include <stdbool.h>
#include <stddef.h>
#include <gvc.h>
#include <cgraph.h>
#include <graphviz_version.h>

// Graphviz only started to publish numeric version macros in later releases; older headers (such as
// Debian's 2.42) define PACKAGE_VERSION only. A missing macro therefore means "old API".
#if defined(GRAPHVIZ_VERSION_MAJOR)
#define LUCID_GRAPHVIZ_MAJOR GRAPHVIZ_VERSION_MAJOR
#else
#define LUCID_GRAPHVIZ_MAJOR 2
#endif

// MARK: - Rendering

/// Renders `g` (already laid out) to memory. `*result` must be released with gvFreeRenderData.
static inline int lucid_gvRenderData(GVC_t *gvc, Agraph_t *g, const char *format, char **result,
                                     size_t *length) {
#if LUCID_GRAPHVIZ_MAJOR >= 13
  return gvRenderData(gvc, g, format, result, length);
#else
  unsigned int narrow = 0;
  int status = gvRenderData(gvc, g, format, result, &narrow);
  *length = (size_t)narrow;
  return status;
#endif
}

/// The names of the plugins of one kind ("layout", "device", ...). Free each string, then the list.
static inline char **lucid_gvPluginList(GVC_t *gvc, const char *kind, int *count) {
#if LUCID_GRAPHVIZ_MAJOR >= 3
  return gvPluginList(gvc, kind, count);
#else
  return gvPluginList(gvc, kind, count, NULL);
#endif
}

// MARK: - Reading DOT

/// The text being read by lucid_read_graph.
typedef struct {
  const char *data;
  size_t length;
  size_t position;
} lucid_text_reader;

/// cgraph's read callback over lucid_text_reader: hands over the next chunk of the text.
static inline int lucid_text_read(void *chan, char *buffer, int size) {
  lucid_text_reader *reader = (lucid_text_reader *)chan;
  size_t left = reader->length - reader->position;
  size_t count = size > 0 && (size_t)size < left ? (size_t)size : left;
  for (size_t i = 0; i < count; i++) buffer[i] = reader->data[reader->position + i];
  reader->position += count;
  return (int)count;
}

/// Reads the first graph of `text` and then the rest of it, so that nothing is left behind.
///
/// agmemread leaves whatever its scanner had read past the graph's closing brace in the scanner's
/// buffer, and the next parse in the process starts with it: a second graph on the same line is what
/// the next agmemread returns, and a trailing newline shifts the next error's line number. Reading
/// to the end of the text through one channel instead empties the buffer. `*extra` is set to the
/// number of further graphs found (each is closed); syntax errors in the rest are reported through
/// cgraph's error hook as usual.
static inline Agraph_t *lucid_read_graph(const char *text, size_t length, int *extra) {
  static Agiodisc_t io;
  io.afread = lucid_text_read;
  io.putstr = AgIoDisc.putstr;
  io.flush = AgIoDisc.flush;
  Agdisc_t disc;
#if LUCID_GRAPHVIZ_MAJOR < 9
  disc.mem = &AgMemDisc;
#endif
  disc.id = &AgIdDisc;
  disc.io = &io;
  lucid_text_reader reader = {text, length, 0};
  agreadline(1);  // the scanner's line counter is process-global and only counts up
  Agraph_t *graph = agread(&reader, &disc);
  *extra = 0;
  if (graph == NULL) return NULL;
  Agraph_t *more;
  while ((more = agread(&reader, &disc)) != NULL) {
    (*extra)++;
    agclose(more);
  }
  return graph;
}

// MARK: - Graphs, nodes and edges

/// Opens an empty directed graph.
static inline Agraph_t *lucid_agopen_directed(const char *name) {
  return agopen((char *)name, Agdirected, NULL);
}

/// Finds (create == 0) or creates (create == 1) the node named `name`.
static inline Agnode_t *lucid_agnode(Agraph_t *g, const char *name, int create) {
  return agnode(g, (char *)name, create);
}

/// The tail node of an edge (agtail is a macro).
static inline Agnode_t *lucid_agtail(Agedge_t *e) { return agtail(e); }

/// The head node of an edge (aghead is a macro).
static inline Agnode_t *lucid_aghead(Agedge_t *e) { return aghead(e); }

/// The name of a graph, node or edge.
static inline const char *lucid_agnameof(void *obj) { return agnameof(obj); }

// MARK: - Attributes

/// The value of attribute `name` on `obj`, or NULL when the attribute was never declared.
static inline const char *lucid_agget(void *obj, const char *name) {
  return agget(obj, (char *)name);
}

/// Sets attribute `name` on `obj`, declaring it (with default `def`) if needed. Returns 0 on success.
static inline int lucid_agsafeset(void *obj, const char *name, const char *value, const char *def) {
  return agsafeset(obj, (char *)name, (char *)value, (char *)def);
}

/// The attribute `name` for objects of `kind` (AGRAPH, AGNODE, AGEDGE), declared with default ""
/// if it does not exist yet; an existing default is left unchanged.
static inline Agsym_t *lucid_agattr_declare(Agraph_t *g, int kind, const char *name) {
  Agsym_t *sym = agattr(g, kind, (char *)name, NULL);
  if (sym == NULL) {
    sym = agattr(g, kind, (char *)name, "");
  }
  return sym;
}

/// Sets a declared attribute on `obj`. Returns 0 on success.
static inline int lucid_agxset(void *obj, Agsym_t *sym, const char *value) {
  return agxset(obj, sym, (char *)value);
}

/// Whether the attribute value `s` (a string obtained from agget) is an HTML-like label.
static inline int lucid_aghtmlstr(const char *s) { return aghtmlstr((char *)s); }

/// Sets attribute `name` on `obj` to the HTML-like string `value` (declared with default "").
static inline int lucid_agsafeset_html(Agraph_t *g, void *obj, const char *name, const char *value) {
  int kind = AGTYPE(obj) == AGINEDGE ? AGEDGE : AGTYPE(obj);
  Agsym_t *sym = agattr(g, kind, (char *)name, NULL);
  if (sym == NULL) {
    sym = agattr(g, kind, (char *)name, "");
  }
  if (sym == NULL) {
    return -1;
  }
  char *html = agstrdup_html(g, (char *)value);
  int status = agxset(obj, sym, html);
#if LUCID_GRAPHVIZ_MAJOR >= 13
  agstrfree(g, html, true);
#else
  agstrfree(g, html);
#endif
  return status;
}

// MARK: - Layout results

/// The size in points of the graph's own label (its caption) after a layout; 0 when it has none.
static inline int lucid_graph_label_size(Agraph_t *g, double *width, double *height) {
  textlabel_t *label = GD_label(g);
  if (label == NULL) {
    *width = 0;
    *height = 0;
    return 0;
  }
  *width = label->dimen.x;
  *height = label->dimen.y;
  return 1;
}

/// Whether gvFreeLayout would corrupt the heap for this laid-out graph. Graphviz 2.x's `dot`, when it
/// must add a rank above rank 0 for labelled flat edges (`abomination` in position.c, GD_minrank
/// becomes -1), later frees a rank array it had reallocated: a double free in gvFreeLayout. Such a
/// layout has to be leaked instead.
static inline int lucid_layout_free_is_unsafe(Agraph_t *g) {
#if LUCID_GRAPHVIZ_MAJOR < 3
  return GD_minrank(g) < 0;
#else
  (void)g;
  return 0;
#endif
}

/// The bounding box Graphviz computed for a laid-out graph (GD_bb is a macro).
static inline void lucid_graph_bb(Agraph_t *g, double *llx, double *lly, double *urx, double *ury) {
  boxf bb = GD_bb(g);
  *llx = bb.LL.x;
  *lly = bb.LL.y;
  *urx = bb.UR.x;
  *ury = bb.UR.y;
}

#endif  // LUCID_CGRAPHVIZ_SHIM_H
