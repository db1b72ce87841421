import GraphExport

/// `index.html` of a lecture bundle: one self-contained page that steps through the frames.
///
/// The page needs nothing from the network (no external script, font, stylesheet or image), so it
/// works from `file://`, on a course website and offline in a lecture hall. Each frame's SVG sits
/// in its own `<template>` and only the current one is cloned into the page, so the ids Graphviz
/// repeats in every frame (`graph0`, `node1`, `v3`, …) never clash. The first frame is also drawn
/// into the page directly, so the page shows something without JavaScript.
///
/// The script (``script``) gives previous/next/first/last buttons, a slider, play/pause with a speed
/// control, the arrow keys, Home/End and PageUp/PageDown (presentation clickers), and keeps the step
/// in the URL fragment (`#step-5`, counting from 1). See ``script`` for the `?keys=` test hook.
struct StepperPage: Sendable {
  /// One frame of the page.
  struct Step: Sendable {
    /// The frame's SVG.
    var picture: EmbeddedSVG
    /// What the frame shows.
    var caption: GraphExport.Caption
    /// The frame's kind, exposed as `data-kind` for styling and tests.
    var kind: Frame.Kind
  }

  /// The page's heading and `<title>`.
  var title: String
  /// The frames in order; at least one.
  var steps: [Step]
  /// Colours and font.
  var style: PageStyle

  /// The whole page.
  func html() -> String {
    let title = DocumentEscaping.html(title)
    let count = steps.count
    let first = steps[0]
    var page = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="Lucid">
      <title>\(title)</title>
      <style>
      \(Self.stylesheet(style))</style>
      </head>
      <body>
      <main id="stepper" data-step="1" data-steps="\(count)" data-kind="\(first.kind.rawValue)">
      <header>
      <h1>\(title)</h1>
      <p id="position" class="position" aria-live="polite">step 1 of \(count)</p>
      </header>
      <figure>
      <div id="picture" class="picture" role="img" aria-labelledby="caption-title caption-detail">
      \(first.picture.element)
      </div>
      <figcaption>
      <p id="caption-title" class="caption-title">\(DocumentEscaping.html(first.caption.title))</p>
      <p id="caption-detail" class="caption-detail">\(DocumentEscaping.html(first.caption.detail ?? ""))</p>
      </figcaption>
      </figure>
      <div class="controls" role="group" aria-label="Step through backpropagation">
      <button type="button" id="first" aria-label="First step" title="First step (Home)">⇤</button>
      <button type="button" id="previous" aria-label="Previous step" title="Previous step (←)">← Back</button>
      <button type="button" id="play" aria-label="Play" aria-pressed="false" title="Play or pause (Space)">▶ Play</button>
      <button type="button" id="next" aria-label="Next step" title="Next step (→)">Next →</button>
      <button type="button" id="last" aria-label="Last step" title="Last step (End)">⇥</button>
      <button type="button" id="zoom" aria-label="Show the picture at full size" aria-pressed="false" \
      title="Fit to the window or show at full size (Z)">Full size</button>
      <input type="range" id="slider" min="1" max="\(count)" value="1" step="1" aria-label="Step">
      <label for="speed">Speed</label>
      <select id="speed">
      <option value="3000">slow</option>
      <option value="1500" selected>normal</option>
      <option value="700">fast</option>
      </select>
      </div>
      <p class="hint">Keys: ← → step · Home / End first / last · Space play / pause · Z full size · \
      link to a step with <code>#step-5</code></p>
      <noscript><p class="hint">Stepping needs JavaScript; every frame is also in the <code>frames</code> folder.</p></noscript>
      </main>

      """
    for (index, step) in steps.enumerated() {
      page += """
        <template class="frame" id="frame-\(index + 1)" data-kind="\(step.kind.rawValue)" \
        data-title="\(DocumentEscaping.html(step.caption.title))" \
        data-detail="\(DocumentEscaping.html(step.caption.detail ?? ""))">
        \(step.picture.element)
        </template>

        """
    }
    page += """
      <script>
      \(Self.script)</script>
      </body>
      </html>

      """
    return page
  }
}
