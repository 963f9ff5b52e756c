import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("LandscapeSpec")
struct LandscapeSpecTests {
  @Test("every form resolves", arguments: [
    ("newton-edge", 2), ("poly:x0^2 + x1^4", 2), ("poly:x0^2:d=3", 3), ("poly:x0^2:flat=2", 3),
    ("dln:4-3-5:rank=2", 27), ("quad:1,2*3:d=6", 6), ("sum:poly:x0^2|dln:2-1-2:rank=0", 5),
  ])
  func forms(spec: String, d: Int) throws {
    #expect(try LandscapeSpec.resolve(spec).dimension == d)
  }

  @Test("a fixture path resolves to its landscape, named by its id and the path typed")
  func fixturePath() throws {
    let path = Repository.path("fixtures/landscapes/newton-edge.json")
    let l = try LandscapeSpec.resolve(path)
    #expect(l.name == "newton-edge (\(path))")
    // Inside a sum the block keeps its plain id (the sum names the whole input).
    let sum = try LandscapeSpec.resolve("sum:\(path)|quad:1:d=1")
    #expect(sum.name == "sum:\(path)|quad:1:d=1")
  }

  @Test("an unknown zoo id suggests the closest ids")
  func suggestions() {
    #expect {
      _ = try LandscapeSpec.resolve("newton-egde")
    } throws: { error in
      guard let m = (error as? InputError)?.description else { return false }
      return m.hasPrefix("newton-egde: unknown landscape") && m.contains("newton-edge")
    }
  }

  @Test("bad input is one line naming the input and the problem", arguments: [
    ("poly:x0^2 + (x1", "poly:x0^2 + (x1: unbalanced parenthesis at column 8"),
    ("poly:x0^2:d=0", "d=0 is not a positive integer"),
    ("poly:x0^2:e=1", "unknown option 'e'"),
    ("quad:1,-2:d=3", "eigenvalue '-2'"),
    ("quad:1,2,3:d=2", "smaller than the 3 nonzero eigenvalues"),
    ("sum:poly:x0^2", "at least two specs"),
    ("missing.json", "missing.json: cannot read fixture"),
  ])
  func errors(spec: String, fragment: String) {
    #expect {
      _ = try LandscapeSpec.resolve(spec)
    } throws: { error in
      guard let m = (error as? InputError)?.description else { return false }
      return m.contains(fragment) && !m.contains("\n")
    }
  }
}
