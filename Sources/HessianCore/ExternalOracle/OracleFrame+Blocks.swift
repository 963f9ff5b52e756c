extension OracleFrame {
  /// The tile edge of the transposing copies (64 rows of a block, 64 columns of a reply).
  static let tile = 64

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
        if columnsAreVectors {
          // Tiles of `tile` rows: the reads of one tile (tile × k entries) stay in cache while
          // each of its columns is written out as a contiguous run.
          for r0 in stride(from: 0, to: block.rows, by: tile) {
            let r1 = min(r0 + tile, block.rows)
            for (i, j) in slice.enumerated() {
              var offset = headerSize + 8 * (i * width + r0)
              for r in r0..<r1 {
                raw.storeBytes(of: entries[r * block.columns + j].bitPattern.littleEndian, toByteOffset: offset, as: UInt64.self)
                offset += 8
              }
            }
          }
        } else {
          var offset = headerSize
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
        // Tiles of `tile` reply columns, so that the strided writes of the transposed case
        // stay within a cache-sized part of `out`.
        for j0 in stride(from: 0, to: columns, by: Self.tile) {
          let j1 = min(j0 + Self.tile, columns)
          for i in 0..<rows {
            for j in j0..<j1 {
              let k = i * columns + j
              let x =
                size == 8
                ? Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)))
                : Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * k, as: UInt32.self))))
              if !x.isFinite, firstBad.map({ k < $0 }) ?? true { firstBad = k }
              target[rowsAreColumns ? j * outColumns + first + i : (first + i) * outColumns + j] = x
            }
          }
        }
      }
    }
    return firstBad
  }
}
