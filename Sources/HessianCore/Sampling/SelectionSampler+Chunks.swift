/// The partial result of one chunk of rounds.
struct ChunkResult: Sendable {
  var moments: CovarianceAccumulator
  var lossSum = 0.0
  var lossSquareSum = 0.0

  init(dimension d: Int) { moments = CovarianceAccumulator(dimension: d) }

  mutating func merge(_ o: ChunkResult) {
    moments.merge(o.moments)
    lossSum += o.lossSum
    lossSquareSum += o.lossSquareSum
  }
}

/// Everything a chunk task needs (all value types, Sendable).
struct ChunkJob: Sendable {
  let landscape: CountingLossOracle
  let sampler: SelectionSampler
  let center: [Double]
  let minimum: [Double]
  let minimumLoss: Double
  let kept: Int
  let rounds: Int
  let roundsPerChunk: Int
  let root: SeededGenerator

  /// Target size (in doubles) of one batch of candidates: several rounds share
  /// one `losses(at:)` call (one larger gemm instead of many λ×d ones) while
  /// the batch stays cache-sized (64 Ki doubles = 512 KiB).
  static let batchElements = 1 << 16

  /// Rounds per `losses(at:)` call, fixed by λ, d and the chunk size only (never
  /// by the worker count), so every candidate's loss comes from the same call
  /// shape for any `workers`.
  static func roundsPerBatch(population lambda: Int, dimension d: Int, roundsPerChunk: Int) -> Int {
    let target = max(1, min(roundsPerChunk, batchElements / max(lambda.saturatingMultiplied(by: d), 1)))
    var b = 1
    while b * 2 <= target { b *= 2 }  // a power of two divides the (power-of-two) chunk: no ragged batch
    return b
  }

  /// Runs rounds [c·R, min((c+1)·R, rounds)) and returns their moments.
  ///
  /// The rounds are drawn in batches of ``roundsPerBatch(population:dimension:roundsPerChunk:)``
  /// into one preallocated candidate matrix, whose losses come from one batched
  /// `losses(at:)` call; round i still draws from child stream i.
  func run(chunk c: Int) throws -> ChunkResult {
    let d = landscape.dimension
    let lambda = sampler.population, sigma = sampler.sigma
    let k = sampler.scheme.keptPerRound
    let first = c * roundsPerChunk
    let last = first + min(roundsPerChunk, rounds - first)
    let rowsInChunk = min(last.saturatingMultiplied(by: k), kept) - first * k
    let batch = Self.roundsPerBatch(population: lambda, dimension: d, roundsPerChunk: roundsPerChunk)
    var block = Matrix(rows: rowsInChunk, columns: d)
    var candidates = Matrix(rows: min(batch, last - first) * lambda, columns: d)
    var roundLosses = [Double](repeating: 0, count: lambda)
    var result = ChunkResult(dimension: d)
    var row = 0
    /// Copies candidate `c` (an index into the batch) into the kept block as x − w*.
    func keep(candidate c: Int, loss: Double) {
      let src = c * d
      for j in 0..<d { block.elements[row * d + j] = candidates.elements[src + j] - minimum[j] }
      let excess = loss - minimumLoss
      result.lossSum += excess
      result.lossSquareSum += excess * excess
      row += 1
    }
    var round = first
    while round < last {
      let nb = min(batch, last - round)
      if candidates.rows != nb * lambda { candidates = Matrix(rows: nb * lambda, columns: d) }  // last batch only
      candidates.elements.withUnsafeMutableBufferPointer { p in
        for r in 0..<nb {
          // Round i's λ·d normals in one fill from child stream i, then x = m + σz in place.
          var rng = root.child(UInt64(round + r))
          let base = r * lambda * d
          let roundBlock = UnsafeMutableBufferPointer(rebasing: p[base..<(base + lambda * d)])
          rng.fillNormals(into: roundBlock)
          center.withUnsafeBufferPointer { m in
            for i in 0..<lambda {
              let row = base + i * d
              for j in 0..<d { p[row + j] = m[j] + sigma * p[row + j] }
            }
          }
        }
      }
      let losses = try landscape.losses(at: candidates)
      for r in 0..<nb {
        let thisRound = round + r
        if sampler.scheme == .best {
          // (1,λ): the winner by one pass over the round's losses, nothing allocated.
          let idx = losses.withUnsafeBufferPointer {
            SelectionScheme.bestIndex(UnsafeBufferPointer(rebasing: $0[(r * lambda)..<((r + 1) * lambda)]))
          }
          keep(candidate: r * lambda + idx, loss: losses[r * lambda + idx])
          continue
        }
        for i in 0..<lambda { roundLosses[i] = losses[r * lambda + i] }
        let chosen = sampler.scheme.selectedIndices(roundLosses)
        let keepHere = min(chosen.count, kept - thisRound * k)
        for idx in chosen.prefix(keepHere) { keep(candidate: r * lambda + idx, loss: roundLosses[idx]) }
      }
      round += nb
    }
    result.moments.add(block: block)
    return result
  }
}
