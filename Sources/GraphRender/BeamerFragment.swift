import GraphExport

/// `slides.tex` of a lecture bundle: a Beamer fragment (not a whole document) that, `\input` inside a
/// `frame`, gives that frame one overlay per step, each the step's PDF picture with its caption.
///
/// ```latex
/// \begin{frame}{Backprop through a neuron}
///   \input{neuron/slides.tex}
/// \end{frame}
/// ```
///
/// Picture paths are `\lucidbundlepath/frames/frame-NNN.pdf`. The macro defaults to the bundle
/// folder's name, which suits a main `.tex` file next to the bundle folder; elsewhere set it before
/// the `\input`: `\def\lucidbundlepath{lectures/neuron}`. All text is escaped with
/// ``DocumentEscaping/latex(_:)``, so the fragment compiles with pdflatex whatever the captions say.
struct BeamerFragment: Sendable {
  /// The bundle's title, mentioned in the header comment.
  var title: String
  /// The bundle folder's name, the default of `\lucidbundlepath`.
  var folderName: String
  /// The pictures' file names inside `frames/`, one per step.
  var pictures: [String]
  /// The steps' captions, one per step.
  var captions: [GraphExport.Caption]

  /// The default of `\lucidbundlepath`: the folder name when TeX can use it verbatim in a path,
  /// otherwise `.` (the document's own folder) with a note in the header.
  var defaultPath: String {
    let safe =
      !folderName.isEmpty && folderName != "."
      && folderName.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-.".unicodeScalars.contains($0))
      }
    return safe ? folderName : "."
  }

  /// The fragment's text.
  func tex() -> String {
    let path = defaultPath
    var lines = [
      "% slides.tex: \(DocumentEscaping.latex(title)), step by step (\(pictures.count) overlays). Written by Lucid.",
      "%",
      "% A Beamer fragment, not a whole document. \\input it inside a frame; the frame gets one",
      "% overlay (one slide) per step of backpropagation:",
      "%",
      "%   \\begin{frame}{Backpropagation}",
      "%     \\input{\(path == "." ? "slides.tex" : path + "/slides.tex")}",
      "%   \\end{frame}",
      "%",
      "% The pictures are this bundle's frames/frame-NNN.pdf, found through \\lucidbundlepath, which",
      path == "."
        ? "% defaults to . (the main document's folder; this bundle's folder name cannot be used verbatim)."
        : "% defaults to the bundle's folder name, \(path), for a main .tex file next to that folder.",
      "% Anywhere else, set it before the \\input:  \\def\\lucidbundlepath{path/to/bundle}",
      "\\providecommand{\\lucidbundlepath}{\(path)}%",
      "\\begin{center}%",
    ]
    for (index, picture) in pictures.enumerated() {
      let caption = captions[index]
      lines.append("\\only<\(index + 1)>{%")
      lines.append(
        "  \\includegraphics[width=\\linewidth,height=0.72\\textheight,keepaspectratio]"
          + "{\\lucidbundlepath/frames/\(picture)}\\\\[0.6ex]%")
      lines.append("  {\\small\\textbf{\(DocumentEscaping.latex(caption.title))}}%")
      if let detail = caption.detail, !detail.isEmpty {
        lines.append("  \\\\{\\footnotesize \(DocumentEscaping.latex(detail))}%")
      }
      lines.append("}%")
    }
    lines.append("\\end{center}")
    return lines.joined(separator: "\n") + "\n"
  }
}
