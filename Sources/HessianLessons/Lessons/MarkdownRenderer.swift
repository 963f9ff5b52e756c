import Foundation

/// The Markdown subset the lessons use — `# headings`, paragraphs, `- ` and `1. ` lists,
/// indented (or fenced) display blocks, `**bold**`, `*italic*` and `` `code` `` — rendered for a
/// terminal: styles when ``TerminalStyle/enabled``, plain text otherwise (markers dropped, code
/// keeps its backticks), every line wrapped at word boundaries to ``TerminalStyle/width``
/// columns.
///
/// A `*` opens emphasis only before a non-space and after a space, start or opening bracket, and
/// closes only after a non-space, so `w*`, `1*5` and `x*y` stay literal. Display blocks are kept
/// as written and broken at a space only when longer than the width. Cost: linear in the text.
package struct MarkdownRenderer: Sendable {
  /// The styles and the wrap width.
  package let style: TerminalStyle

  /// A renderer with `style` (its ``TerminalStyle/width`` is the wrap width).
  package init(style: TerminalStyle) { self.style = style }

  /// A piece of inline text with its emphasis.
  struct Run: Equatable {
    var text: String
    var bold = false
    var italic = false
    var code = false
  }

  /// `text` (several Markdown blocks) as terminal lines, each starting with `indent` and at
  /// most ``TerminalStyle/width`` columns wide (a single word longer than a line is cut).
  /// With `bold`, all text is bold (a question).
  package func render(_ text: String, indent: String = "", bold: Bool = false) -> [String] {
    var out: [String] = []
    var paragraph: [String] = []
    var item: (marker: String, text: [String])?
    var fenced = false
    func flush() {
      if !paragraph.isEmpty { out += wrap(inline(paragraph.joined(separator: " "), bold: bold), first: indent, rest: indent) }
      if let it = item {
        let pad = String(repeating: " ", count: it.marker.count)
        out += wrap([Run(text: it.marker, bold: bold)] + inline(it.text.joined(separator: " "), bold: bold), first: indent, rest: indent + pad)
      }
      paragraph = []
      item = nil
    }
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      let trimmed = raw.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("```") {
        flush()
        fenced.toggle()
        continue
      }
      if fenced || (raw.hasPrefix("    ") && item == nil && paragraph.isEmpty) || raw.hasPrefix("\t") {
        flush()
        out += display(raw, indent: indent)
        continue
      }
      if trimmed.isEmpty {
        flush()
        if let last = out.last, !last.isEmpty { out.append("") }
        continue
      }
      if raw.hasPrefix("#") {
        flush()
        let title = String(raw.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)
        let words = inline(title).map { $0.code ? "`\($0.text)`" : $0.text }.joined()
        out += plain(words, first: indent).map { style.heading($0) }
        continue
      }
      if let marker = Self.listMarker(raw) {
        flush()
        item = (marker, [String(trimmed.dropFirst(marker.trimmingCharacters(in: .whitespaces).count)).trimmingCharacters(in: .whitespaces)])
        continue
      }
      if item != nil { item!.text.append(trimmed) } else { paragraph.append(trimmed) }
    }
    flush()
    while out.last == "" { out.removeLast() }
    return out
  }

  /// Plain (non-Markdown) text wrapped at word boundaries: the first line starts with `first`,
  /// the others with `rest`; each finished line is passed through `styled`.
  package func plain(_ text: String, first: String = "", rest: String? = nil, styled: (String) -> String = { $0 }) -> [String] {
    if first.count + text.count <= self.style.width { return [styled(first + text)] }
    let style = TerminalStyle(enabled: false, width: self.style.width)
    return MarkdownRenderer(style: style).wrap([Run(text: text)], first: first, rest: rest ?? first).map(styled)
  }

  /// `"- "`, `"* "`, `"1. "` (with the line's own leading spaces) when `line` starts a list item.
  static func listMarker(_ line: String) -> String? {
    let lead = line.prefix { $0 == " " }
    let rest = line.dropFirst(lead.count)
    if rest.hasPrefix("- ") || rest.hasPrefix("* ") || rest.hasPrefix("+ ") { return lead + String(rest.prefix(2)) }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 2 else { return nil }
    let after = rest.dropFirst(digits.count)
    guard after.hasPrefix(". ") || after.hasPrefix(") ") else { return nil }
    return lead + digits + String(after.prefix(2))
  }

  /// A display line kept as written; broken at spaces (continuing 2 columns further in) only
  /// when wider than the width.
  func display(_ line: String, indent: String) -> [String] {
    let lead = String(line.prefix { $0 == " " || $0 == "\t" }).replacingOccurrences(of: "\t", with: "    ")
    let body = line.drop { $0 == " " || $0 == "\t" }
    guard (indent + lead).count + body.count > style.width else { return [indent + lead + body] }
    return plain(String(body), first: indent + lead, rest: indent + lead + "  ")
  }

  /// The inline runs of `text`.
  func inline(_ text: String, bold base: Bool = false) -> [Run] {
    let c = Array(text)
    var runs: [Run] = []
    var current = Run(text: "", bold: base)
    var bold = base, italic = false
    func emit() {
      if !current.text.isEmpty { runs.append(current) }
      current = Run(text: "", bold: bold, italic: italic)
    }
    func opens(_ i: Int, _ n: Int) -> Bool {
      let before: Character? = i > 0 ? c[i - 1] : nil
      let after: Character? = i + n < c.count ? c[i + n] : nil
      guard let a = after, !a.isWhitespace, a != "*" else { return false }
      guard before == nil || before!.isWhitespace || "([{\"'“‘—–/".contains(before!) else { return false }
      return closer(from: i + n, n) != nil
    }
    func closes(_ i: Int, _ n: Int) -> Bool {
      guard i > 0, !c[i - 1].isWhitespace else { return false }
      let after: Character? = i + n < c.count ? c[i + n] : nil
      return after == nil || after!.isWhitespace || after!.isPunctuation || after! == "*"
    }
    func closer(from start: Int, _ n: Int) -> Int? {
      var j = start
      while j + n <= c.count {
        if c[j] == "`", let e = c[(j + 1)...].firstIndex(of: "`") { j = e + 1; continue }
        if (0..<n).allSatisfy({ c[j + $0] == "*" }), n == 2 || c.count <= j + 1 || c[j + 1] != "*", closes(j, n) { return j }
        j += 1
      }
      return nil
    }
    var i = 0
    while i < c.count {
      if c[i] == "`", let end = c[(i + 1)...].firstIndex(of: "`") {
        emit()
        runs.append(Run(text: String(c[(i + 1)..<end]), bold: bold, italic: italic, code: true))
        i = end + 1
        continue
      }
      if c[i] == "*" {
        let n = i + 1 < c.count && c[i + 1] == "*" ? 2 : 1
        let on = n == 2 ? bold && !base : italic
        if on && closes(i, n) || !on && opens(i, n) {
          emit()
          if n == 2 { bold.toggle() } else { italic.toggle() }
          current = Run(text: "", bold: bold, italic: italic)
          i += n
          continue
        }
      }
      current.text.append(c[i])
      i += 1
    }
    emit()
    return runs
  }

  /// `s` with the styles of `run` (plain text keeps only a code span's backticks).
  func styled(_ s: String, _ run: Run, first: Bool, last: Bool) -> String {
    guard style.enabled else { return run.code ? (first ? "`" : "") + s + (last ? "`" : "") : s }
    var codes: [String] = []
    if run.bold { codes.append("1") }
    if run.italic { codes.append("3") }
    if run.code { codes.append("36") }
    return codes.isEmpty ? s : "\u{1B}[\(codes.joined(separator: ";"))m\(s)\u{1B}[0m"
  }

  /// Operators never left at the start of a wrapped line.
  static let operators: Set<String> = ["−", "+", "=", "·", "≤", "≥", "≈", "×", "→", "∝", "<", ">", "—", "–", "~"]

  /// Code spans up to this many characters are kept on one line.
  static let unbrokenCode = 40

  /// Greedy word wrap of `runs`: words (pieces of runs between spaces) fill each line up to the width.
  func wrap(_ runs: [Run], first: String, rest: String) -> [String] {
    typealias Piece = (text: String, run: Run, first: Bool, last: Bool)
    var words: [[Piece]] = [[]]
    var spaces = 0  // spaces beyond the one that separates words, kept (aligned columns)
    for run in runs {
      // A short code span (a command) is not broken across lines.
      let parts = run.code && run.text.count <= Self.unbrokenCode
        ? [Substring(run.text)] : run.text.split(separator: " ", omittingEmptySubsequences: false)
      for (k, part) in parts.enumerated() {
        let extra = run.code ? (k == 0 ? 1 : 0) + (k == parts.count - 1 ? 1 : 0) : 0
        if k > 0 {
          if words[words.count - 1].isEmpty { spaces += 1 } else { words.append([]) }
        }
        if !part.isEmpty || extra > 0 {
          let pad = words[words.count - 1].isEmpty ? String(repeating: " ", count: spaces) : ""
          if !pad.isEmpty { words[words.count - 1].append((pad, Run(text: pad), true, true)) }
          spaces = 0
          words[words.count - 1].append((String(part), run, k == 0, k == parts.count - 1))
        }
      }
    }
    // A lone operator (the − of "(d − r)") stays on the line of the word before it.
    var glued: [[Piece]] = []
    for w in words where !w.isEmpty {
      if let last = glued.last, !last.isEmpty, w.count == 1, Self.operators.contains(w[0].text) {
        glued[glued.count - 1] = last + [(" ", Run(text: " "), true, true)] + w
      } else {
        glued.append(w)
      }
    }
    words = glued
    func visible(_ w: [Piece]) -> Int {
      w.reduce(0) { $0 + $1.text.count + (!style.enabled && $1.run.code ? ($1.first ? 1 : 0) + ($1.last ? 1 : 0) : 0) }
    }
    var lines: [String] = []
    var line = first, used = first.count, empty = true
    for word in words where !word.isEmpty {
      let n0 = visible(word)
      var word = word
      if !empty && used + 1 + n0 > style.width {
        lines.append(line)
        line = rest; used = rest.count; empty = true
      }
      if empty, let first = word.first, first.text.allSatisfy({ $0 == " " }), word.count > 1 {
        word.removeFirst()  // a new line starts at its indent, not with a column's padding
      }
      let n = visible(word)
      if !empty { line += " "; used += 1 }
      line += word.map { styled($0.text, $0.run, first: $0.first, last: $0.last) }.joined()
      used += n
      empty = false
    }
    lines.append(line)
    return lines.flatMap { cut($0, rest: rest) }
  }

  /// A plain line longer than the width (one long word) cut into pieces; styled lines pass.
  func cut(_ line: String, rest: String) -> [String] {
    guard !style.enabled, line.count > style.width, style.width > rest.count + 10 else { return [line] }
    var out = [String(line.prefix(style.width))]
    var tail = Substring(line.dropFirst(style.width))
    while !tail.isEmpty {
      let room = style.width - rest.count
      out.append(rest + tail.prefix(room))
      tail = tail.dropFirst(room)
    }
    return out
  }
}
