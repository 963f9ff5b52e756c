extension OracleFrame {
  /// A whole float64 request frame (header and payload in one buffer) for a slice of a block:
  /// rows `slice` of `block` (points, one per row), or with `columnsAreVectors` its columns
  /// `slice`, each written as one row (an HVP block d×k goes out as k×d). Cost: one pass over
  /// the slice, one allocation; no intermediate array.
  static func encodedRequest(_ kind: Kind, of block: Matrix, slice: Range<Int>, columnsAreVectors: Bool) -> [UInt8] {
    let width = columnsAreVectors ? block.rows : block.columns
    let count = slice.count * width
    let header = Header(kind: kind, dataType: .float64, rows: slice.count, columns: width, length: count * 8)
    let total = headerSize + header.length
    return [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
      let raw = UnsafeMutableRawBufferPointer(buffer)
      raw.copyBytes(from: header.encoded())
      block.elements.withUnsafeBufferPointer { entries in
        var offset = headerSize
        if columnsAreVectors {
          for j in slice {
            for r in 0..<block.rows {
              raw.storeBytes(of: entries[r * block.columns + j].bitPattern.littleEndian, toByteOffset: offset, as: UInt64.self)
              offset += 8
            }
          }
        } else {
          for i in (slice.lowerBound * width)..<(slice.upperBound * width) {
            raw.storeBytes(of: entries[i].bitPattern.littleEndian, toByteOffset: offset, as: UInt64.self)
            offset += 8
          }
        }
      }
      initialized = total
    }
  }

  /// Copies this array frame's entries (float32 widened) into `out`, a row-major matrix
  /// `outColumns` wide: reply row i goes to row `first + i` of `out`, or with `rowsAreColumns` to
  /// column `first + i` (an HVP reply k×d lands in a d×k result). Returns the reply-coordinate
  /// index (row·columns + column) of the first NaN or infinity, nil when all are finite.
  /// Cost: one pass over the payload.
  ///
  /// - Precondition: the frame passed ``Header/check(against:)`` for its place in `out`.
  func copyValues(into out: inout [Double], outColumns: Int, first: Int, rowsAreColumns: Bool) -> Int? {
    guard let size = header.dataType.elementSize else { return nil }
    let rows = header.rows, columns = header.columns
    var firstBad: Int?
    payload.withUnsafeBytes { raw in
      out.withUnsafeMutableBufferPointer { target in
        for i in 0..<rows {
          for j in 0..<columns {
            let k = i * columns + j
            let x =
              size == 8
              ? Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)))
              : Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * k, as: UInt32.self))))
            if !x.isFinite, firstBad == nil { firstBad = k }
            target[rowsAreColumns ? j * outColumns + first + i : (first + i) * outColumns + j] = x
          }
        }
      }
    }
    return firstBad
  }
}
