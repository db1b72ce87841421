extension StepperPage {
  /// The page's CSS: the picture scaled to the window's width (and to most of its height), a large
  /// caption readable from the back of a lecture hall, big buttons with a visible focus ring, and
  /// the theme's colours (`style` values are already checked to be plain colours).
  ///
  /// The caption Graphviz drew into each frame (the graph's own label: a `<text>` directly inside the
  /// graph's group) is hidden, because the page shows it larger under the picture.
  static func stylesheet(_ style: PageStyle) -> String {
    """
    :root {
      --background: \(style.background);
      --text: \(style.text);
      --muted: \(style.muted);
      --accent: \(style.accent);
      color-scheme: \(style.isDark ? "dark" : "light");
    }
    * { box-sizing: border-box; }
    body {
      margin: 0;
      background: var(--background);
      color: var(--text);
      font-family: \(style.fontFamily);
      line-height: 1.35;
    }
    main { max-width: 1800px; margin: 0 auto; padding: 0.75rem 2.5vw 1.5rem; }
    header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0 2rem; }
    h1 { font-size: clamp(1.3rem, 2.4vw, 2.3rem); margin: 0.2em 0; }
    .position { margin: 0; color: var(--muted); font-size: clamp(1rem, 1.8vw, 1.7rem); font-variant-numeric: tabular-nums; }
    figure { margin: 0.5rem 0 0; }
    .picture { display: flex; justify-content: center; }
    .picture svg { display: block; width: 100%; height: auto; max-height: 64vh; }
    .picture svg g.graph > text { display: none; }
    .picture.natural { justify-content: flex-start; overflow-x: auto; }
    .picture.natural svg { width: auto; max-height: none; flex: none; }
    figcaption { text-align: center; min-height: 5.5em; }
    .caption-title { margin: 0.3em 0 0.15em; font-size: clamp(1.3rem, 2.6vw, 2.5rem); font-weight: 700; }
    .caption-detail { margin: 0; font-size: clamp(1.1rem, 2.1vw, 2rem); white-space: pre-wrap; }
    .controls { display: flex; flex-wrap: wrap; align-items: center; justify-content: center; gap: 0.6rem; margin-top: 0.5rem; }
    button, select {
      font: inherit;
      font-size: clamp(1rem, 1.5vw, 1.35rem);
      color: var(--text);
      background: transparent;
      border: 2px solid var(--muted);
      border-radius: 0.5rem;
      padding: 0.35em 0.9em;
      cursor: pointer;
    }
    button:hover { border-color: var(--text); }
    #play { min-width: 7.5em; font-weight: 700; border-color: var(--accent); }
    input[type="range"] { flex: 1 1 16rem; max-width: 40rem; accent-color: var(--accent); height: 2rem; }
    label { color: var(--muted); font-size: clamp(1rem, 1.5vw, 1.35rem); }
    :focus-visible { outline: 3px solid var(--accent); outline-offset: 3px; }
    .hint { text-align: center; color: var(--muted); font-size: 0.95rem; margin: 0.75rem 0 0; }
    code { font-size: 0.95em; }
    @media print { .controls, .hint { display: none; } .picture svg { max-height: none; } }

    """
  }
}
