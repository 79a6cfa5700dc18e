import ArgumentParser
import Foundation
import WardcheckCore

/// `--fail-on invalid,failed,not-reported,not-evaluable,not-submitted,stale`: what fails the run
/// (default: invalid,failed,not-reported,not-evaluable).
struct GateOptions: ParsableArguments {
    @Option(name: .long, help: """
        Những gì làm lệnh thất bại / what fails the run: a comma-separated subset of \
        invalid,failed,not-reported,not-evaluable,not-submitted,stale (default: \
        invalid,failed,not-reported,not-evaluable; not-submitted and stale count in `audit` only).
        """)
    var failOn: String?

    var policy: Gate {
        guard let failOn else { return Gate() }
        return Gate(failOn: Set(failOn.split(separator: ",").compactMap { Gate.Kind(rawValue: $0.trimmingCharacters(in: .whitespaces)) }))
    }

    func validate() throws {
        guard let failOn else { return }
        for word in failOn.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = word.trimmingCharacters(in: .whitespaces)
            if Gate.Kind(rawValue: trimmed) == nil {
                throw ValidationError("--fail-on: `\(trimmed)` không hợp lệ / is not valid; dùng / use: \(Gate.Kind.allCases.map(\.rawValue).joined(separator: ","))")
            }
        }
    }
}
