import WardcheckCore

extension GitLabCodeQuality {
    /// `check --format gitlab` written as the units are judged: the JSON array, one unit's issues
    /// after another. The fingerprint numbering is what needs care. Two findings can only share a
    /// fingerprint input when they name the same path (it is hashed with them), and every finding
    /// of a unit names the unit's own file, so a file named once on the command line numbers its
    /// findings alone, on the core that judged it. A file named more than once (`check a.yaml
    /// a.yaml`, `check wards wards/x.yaml`) has its findings numbered here, in the order of the
    /// files, after its earlier findings: the numbers are those of one pass over the whole report.
    public struct CheckDocument: UnitByUnitDocument {
        public enum Part: Sendable {
            /// The unit's issues, serialised where they sit in the array.
            case issues([[UInt8]])
            /// The findings of a file named more than once, to be numbered by the document.
            case repeated([Pair])
        }

        /// Makes each unit's part; safe to share among the cores judging the units.
        public struct Parts: Sendable {
            let quality: GitLabCodeQuality
            /// The paths (as GitLab sees them) that more than one input names.
            let repeatedPaths: Set<String>

            public func part(_ report: UnitReport) -> Part {
                let pairs = quality.pairs(report)
                if repeatedPaths.contains(quality.relativePath(report.file)) { return .repeated(pairs) }
                var seen: [String: Int] = [:]
                return .issues(pairs.map { JSONStream.fragment(quality.issue($0, seen: &seen), level: 1) })
            }
        }

        public let parts: Parts
        private var json = JSONStream()
        /// Fingerprint inputs already written, for the paths named more than once only.
        private var seen: [String: Int] = [:]

        /// `files`: every file the report will have, in order (only the paths are compared).
        public init(_ quality: GitLabCodeQuality, files: [String]) {
            var once = Set<String>()
            var repeated = Set<String>()
            for file in files {
                let path = quality.relativePath(file)
                if !once.insert(path).inserted { repeated.insert(path) }
            }
            parts = Parts(quality: quality, repeatedPaths: repeated)
            json.beginArray()
        }

        public mutating func add(_ part: Part, _ tally: UnitReport.Tally) {
            switch part {
            case .issues(let issues):
                for issue in issues { json.appendFragment(issue) }
            case .repeated(let pairs):
                for pair in pairs { json.value(parts.quality.issue(pair, seen: &seen)) }
            }
        }

        public mutating func finish() { json.end() }

        public mutating func take() -> [UInt8] { json.take() }
    }
}
