import Foundation
import GraphExport
import Lucid

extension LectureBundleWriter {
  /// Renders every file of the bundle for `trace` in memory, laying the frames out once.
  ///
  /// - Parameter folderName: The bundle folder's name, the default picture path of `slides.tex`.
  func contents(of trace: Trace, title: String, folderName: String) throws(RenderError) -> LectureBundleContents {
    let title = title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? Self.defaultTitle : title
    let frames = exporter.frames(for: trace)
    let chosen = try filmstrip.indices(in: frames)
    let traceJSON: Data
    do {
      traceJSON = try trace.jsonData(prettyPrinted: true)
    } catch {
      throw .invalidArgument("cannot write the trace as JSON: \(error)")
    }

    let layout = try renderer.prepareLayout(for: frames.map(\.dot))
    let svgFrames = try render(frames, using: layout, as: .svg)
    let pictures = try svgFrames.map { (data) throws(RenderError) in try EmbeddedSVG(data) }
    let formatFrames = frameFormat == .svg ? svgFrames : try render(frames, using: layout, as: frameFormat)
    let pdfFrames: [Data]
    if frameFormat == .pdf {
      pdfFrames = formatFrames
    } else {
      pdfFrames = includesPDFFrames ? try render(frames, using: layout, as: .pdf) : []
    }
    let style = PageStyle(exporter.options)
    let strip = Filmstrip(
      cells: chosen.map { index in
        // The pictures carry their own captions; the heading says where in the sequence they are.
        Filmstrip.Cell(picture: pictures[index], heading: "Step \(index + 1) of \(frames.count)")
      },
      title: title, style: style)
    let stripBitmap = try filmstripBitmap(strip, frames: chosen.map { frames[$0] }, using: layout)

    var contents = LectureBundleContents()
    let frameNames = frames.indices.map {
      FrameBundleWriter.frameFileName($0, fileExtension: frameFormat.fileExtension)
    }
    let pdfNames = pdfFrames.indices.map { FrameBundleWriter.frameFileName($0, fileExtension: "pdf") }
    contents.framePaths = frameNames.map { "frames/" + $0 }
    contents.pdfFramePaths = pdfNames.map { "frames/" + $0 }
    for (path, data) in zip(contents.framePaths + contents.pdfFramePaths, formatFrames + pdfFrames) {
      contents.add(path, data)
    }
    contents.add("graph.svg", svgFrames[svgFrames.count - 1])
    contents.add("graph.dot", Data(frames[frames.count - 1].dot.utf8))
    contents.add("trace.json", traceJSON)
    contents.add("filmstrip.svg", strip.svg())
    contents.add("filmstrip.png", stripBitmap)
    if !pdfNames.isEmpty {
      let slides = BeamerFragment(
        title: title, folderName: folderName, pictures: pdfNames, captions: frames.map(\.caption))
      contents.add("slides.tex", Data(slides.tex().utf8))
    }
    var links: [(label: String, path: String)] = [("Step through it interactively", "index.html")]
    if !pdfNames.isEmpty { links.append(("Beamer slides", "slides.tex")) }
    links += [("filmstrip", "filmstrip.svg"), ("final graph", "graph.svg"), ("trace", "trace.json")]
    let markdown = MarkdownPage(
      title: title,
      steps: frames.indices.map {
        MarkdownPage.Step(picture: contents.framePaths[$0], caption: frames[$0].caption, kind: frames[$0].kind)
      },
      links: links)
    contents.add("README.md", Data(markdown.markdown().utf8))
    let page = StepperPage(
      title: title,
      steps: frames.indices.map {
        StepperPage.Step(picture: pictures[$0], caption: frames[$0].caption, kind: frames[$0].kind)
      },
      style: style)
    contents.add("index.html", Data(page.html().utf8))
    return contents
  }

  /// Every frame rendered with the shared layout.
  private func render(_ frames: [Frame], using layout: FrameLayout, as format: ImageFormat) throws(RenderError)
    -> [Data]
  {
    try renderer.renderFrames(frames.map(\.dot), using: layout, as: format)
  }

  /// `filmstrip.png`: the chosen frames rendered to PNG files in a temporary folder, composed by
  /// Graphviz as `<IMG>` cells of one table and rendered to PNG; the temporary folder is removed.
  private func filmstripBitmap(_ strip: Filmstrip, frames: [Frame], using layout: FrameLayout) throws(RenderError)
    -> Data
  {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("lucid-filmstrip-\(UUID().uuidString)", isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .fileSystem(path: folder.path, reason: (error as NSError).localizedDescription)
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    var images: [URL] = []
    for (position, frame) in frames.enumerated() {
      let url = folder.appendingPathComponent("cell-\(position).png")
      try AtomicFile.write(try renderer.renderFrame(frame.dot, using: layout, as: .png), to: url)
      images.append(url)
    }
    return try renderer.render(strip.dot(images: images), as: .png)
  }
}
