import Foundation

/// Parses the text of an estimate or standard-error list: one number, or comma-separated numbers
/// (`5.1,3.0,2.2`; blanks around items allowed). Every item must be a finite number.
public enum EstimateList {
  /// The numbers of `text`, named by `parameter` in errors.
  ///
  /// - Throws: ``InputError/parameter(_:value:problem:)`` naming `parameter` for an empty item,
  ///   a word that is not a number, or a non-finite number. Cost: linear in the text.
  public static func parse(_ text: String, parameter: InputError.Parameter) throws(InputError) -> [Double] {
    let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    var values: [Double] = []
    for (i, item) in items.enumerated() {
      let position = items.count == 1 ? "" : "item \(i + 1) "
      guard !item.isEmpty else {
        throw .parameter(parameter, value: text, problem: "\(position)is empty (give one number or a comma-separated list)")
      }
      guard let x = Double(item) else {
        throw .parameter(parameter, value: text, problem: "\(position)'\(item)' is not a number")
      }
      guard x.isFinite else { throw .parameter(parameter, value: text, problem: "\(position)\(item) is not a finite number") }
      values.append(x)
    }
    return values
  }
}
