import WardcheckCore

extension SARIFLog {
    /// The log's one run, written piece by piece in the bytes `JSON.serialised()` gives the whole:
    /// the header (the tool and its rules, the artifacts) as soon as it is made, then each unit's
    /// results as they come, then the closing brackets. `check` and `validate` write through it,
    /// and so does `check --format sarif` on a folder of any size, unit by unit.
    public struct Run: UnitByUnitDocument {
        /// One unit's results, each serialised where it sits in the `results` array.
        public typealias Part = [[UInt8]]

        /// Makes the results; safe to share among the cores judging the units.
        public let results: Results
        private var json = JSONStream()

        /// `artifacts`: the files, in the order their first result or unit comes; a file named
        /// twice is one artifact.
        init(_ log: SARIFLog, rules: [Rule], artifacts files: [String]) {
            var driver: [(String, JSON)] = [
                ("name", .string("wardcheck")),
                ("version", .string(log.toolVersion)),
                ("semanticVersion", .string(log.toolVersion)),
            ]
            if let informationURI = log.informationURI { driver.append(("informationUri", .string(informationURI))) }
            driver += [
                ("language", .string(log.language.rawValue)),
                ("rules", .array(rules.map(\.json))),
            ]
            json.beginObject()
            json.member("$schema", .string(SARIFLog.schemaURI))
            json.member("version", .string("2.1.0"))
            json.key("runs")
            json.beginArray()
            json.beginObject()
            json.member("tool", .object([("driver", .object(driver))]))
            json.member("language", .string(log.language.rawValue))
            // libyaml counts columns in Unicode scalars, and so does every Mark.
            json.member("columnKind", .string("unicodeCodePoints"))
            json.key("artifacts")
            json.beginArray()
            var artifactIndex: [String: Int] = [:]
            for file in files where artifactIndex[file] == nil {
                artifactIndex[file] = artifactIndex.count
                json.value(.object([("location", .object([("uri", .string(log.uri(file)))])), ("sourceLanguage", .string("yaml"))]))
            }
            json.end()
            json.key("results")
            json.beginArray()
            var ruleIndex: [String: Int] = [:]
            for (i, rule) in rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = i }
            results = Results(log: log, ruleIndex: ruleIndex, artifactIndex: artifactIndex, level: json.level)
        }

        public mutating func add(_ part: Part, _ tally: UnitReport.Tally) { add(part) }

        mutating func add(_ part: Part) {
            for result in part { json.appendFragment(result) }
        }

        /// Closes `results`, the run, `runs` and the log.
        public mutating func finish() {
            for _ in 0..<4 { json.end() }
        }

        public mutating func take() -> [UInt8] { json.take() }
    }
}
