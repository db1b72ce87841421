extension StepperPage {
  /// The page's script: small, dependency-free, readable in the page's source.
  ///
  /// - Steps count from 1; the current step is in `#stepper[data-step]`, the caption under the picture
  ///   and `#position` ("step k of N").
  /// - `#step-k` in the URL opens step k; every change of step rewrites the fragment with
  ///   `history.replaceState` (no new history entries), and editing the fragment by hand jumps there.
  /// - Keys: ←/→ (and PageUp/PageDown, which presentation clickers send) step, Home/End jump to the
  ///   first/last step, Space plays or pauses, Z switches between fitting the window and full size
  ///   (for wide graphs, which then scroll sideways). Stepping by hand pauses playback.
  /// - Test hooks, for headless browsers that cannot press keys: `index.html?clicks=next,last` clicks
  ///   those buttons (`first`, `previous`, `play`, `next`, `last`) after loading, then
  ///   `?keys=Right,Right,End` replays those keys as `keydown` events dispatched to the page, so they
  ///   go through the same handler as real key presses (`Right`, `Left`, `Space`, or any
  ///   `KeyboardEvent.key` such as `Home`, `End`, `PageDown`). With either, the fragment the page
  ///   ended at is copied to `#stepper[data-fragment]`, so a dumped DOM shows it.
  static let script = #"""
    (() => {
      "use strict";
      const $ = (id) => document.getElementById(id);
      const frames = Array.from(document.querySelectorAll("template.frame"));
      const count = frames.length;
      const root = $("stepper"), picture = $("picture"), slider = $("slider");
      const playButton = $("play"), speed = $("speed");
      let step = 1;
      let timer = null;

      function show(k, updateURL = true) {
        step = Math.min(Math.max(Math.round(k) || 1, 1), count);
        const frame = frames[step - 1];
        picture.replaceChildren(frame.content.cloneNode(true));
        $("caption-title").textContent = frame.dataset.title;
        $("caption-detail").textContent = frame.dataset.detail;
        $("position").textContent = `step ${step} of ${count}`;
        slider.value = String(step);
        root.dataset.step = String(step);
        root.dataset.kind = frame.dataset.kind;
        if (updateURL) {
          try { history.replaceState(null, "", `#step-${step}`); } catch (error) { /* sandboxed page */ }
        }
      }

      function stepFromFragment() {
        const match = /^#step-(\d+)$/.exec(location.hash);
        return match ? Number(match[1]) : null;
      }

      function setPlaying(playing) {
        clearInterval(timer);
        timer = null;
        if (playing) {
          if (step === count) show(1);
          timer = setInterval(() => (step < count ? show(step + 1) : setPlaying(false)), Number(speed.value));
        }
        playButton.textContent = playing ? "❚❚ Pause" : "▶ Play";
        playButton.setAttribute("aria-label", playing ? "Pause" : "Play");
        playButton.setAttribute("aria-pressed", String(playing));
      }

      function go(k) {
        setPlaying(false);
        show(k);
      }

      $("first").addEventListener("click", () => go(1));
      $("previous").addEventListener("click", () => go(step - 1));
      $("next").addEventListener("click", () => go(step + 1));
      $("last").addEventListener("click", () => go(count));
      playButton.addEventListener("click", () => setPlaying(timer === null));
      // Large graphs: switch between fitting the window and full size (scrolls sideways).
      const zoomButton = $("zoom");
      function toggleZoom() {
        const natural = picture.classList.toggle("natural");
        zoomButton.textContent = natural ? "Fit" : "Full size";
        zoomButton.setAttribute("aria-pressed", String(natural));
        zoomButton.setAttribute("aria-label", natural ? "Fit the picture to the window" : "Show the picture at full size");
      }
      zoomButton.addEventListener("click", toggleZoom);
      slider.addEventListener("input", () => go(Number(slider.value)));
      speed.addEventListener("change", () => { if (timer !== null) setPlaying(true); });
      window.addEventListener("hashchange", () => {
        const k = stepFromFragment();
        if (k !== null && k !== step) go(k);
      });

      document.addEventListener("keydown", (event) => {
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        const target = event.target;
        // The slider and the speed menu use the arrow keys themselves.
        if (target === slider || target === speed) return;
        switch (event.key) {
          case "ArrowRight": case "PageDown": go(step + 1); break;
          case "ArrowLeft": case "PageUp": go(step - 1); break;
          case "Home": go(1); break;
          case "End": go(count); break;
          case "z": case "Z": toggleZoom(); break;
          case " ":
            if (target instanceof HTMLButtonElement) return;  // Space presses the focused button
            setPlaying(timer === null);
            break;
          default: return;
        }
        event.preventDefault();
      });

      show(stepFromFragment() ?? 1, stepFromFragment() !== null);

      // Test hooks: ?clicks=next,last clicks those buttons, then ?keys=Right,Left replays key presses
      // through the handler above; the resulting fragment is exposed as data-fragment.
      const query = new URLSearchParams(location.search);
      const list = (name) => (query.get(name) ?? "").split(",").map((item) => item.trim()).filter(Boolean);
      const names = { Right: "ArrowRight", Left: "ArrowLeft", Space: " " };
      for (const id of list("clicks")) {
        if (["first", "previous", "play", "next", "last", "zoom"].includes(id)) $(id).click();
      }
      for (const name of list("keys")) {
        const key = names[name] ?? name;
        document.body.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
      }
      if (query.has("clicks") || query.has("keys")) root.dataset.fragment = location.hash;
    })();

    """#
}
