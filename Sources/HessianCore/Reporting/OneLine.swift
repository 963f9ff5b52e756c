/// Makes text that echoes user input safe to print as one line of an error message:
/// control characters (a newline in a spec, an escape sequence in a file name) and
/// Unicode line separators or direction overrides are shown as escapes (`\n`,
/// `\u{1B}`), and every run of non-space characters longer than ``maximumToken`` (a
/// 10⁴-digit number, a pasted array) is shortened to its start, `…` and its end, so
/// the line stays readable and names what was typed. Cost: linear in the text.
public enum OneLine {
  /// The longest run of non-space characters kept whole.
  public static let maximumToken = 100
  /// Characters kept from the start and from the end of a longer run.
  static let head = 60, tail = 20

  /// `text` with control characters escaped and over-long runs shortened.
  public static func sanitized(_ text: String) -> String {
    var out = "", token = ""
    func flush() {
      if token.count > maximumToken {
        out += token.prefix(head) + "…" + token.suffix(tail)
      } else {
        out += token
      }
      token = ""
    }
    for scalar in text.unicodeScalars {
      let shown = escaped(scalar)
      if scalar == " " {
        flush()
        out += " "
      } else {
        token += shown
      }
    }
    flush()
    return out
  }

  /// The scalar as printed: itself, or an escape for a control or layout character.
  static func escaped(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    default: break
    }
    let v = scalar.value
    let layout = (0x2028...0x2029).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    if scalar.properties.generalCategory == .control || layout {
      return "\\u{" + String(v, radix: 16, uppercase: true) + "}"
    }
    return String(scalar)
  }
}
