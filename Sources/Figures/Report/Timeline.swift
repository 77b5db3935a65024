import Foundation

/// Draws a ``Report/Series`` as an inline SVG chart: time across (the day each figure is given
/// as of), value up (from zero). Each article's figure is a point at its value as written with a
/// bar over its interval; an unbounded interval ends in an arrow at the top. Points about
/// everyone are hollow; points cited by a reversal finding are red. Each point has a tooltip
/// with its article, text and sentence; a chart of at most ``labelLimit`` points also labels
/// each point with its figure and article (beyond that the labels would hide each other).
struct Timeline {
    let series: Report.Series
    let width = 900.0, height = 300.0
    let left = 86.0, right = 24.0, top = 34.0, bottom = 46.0
    /// The most points a chart labels.
    static let labelLimit = 60

    func svg() -> String {
        let points = series.points
        let days = points.map { Double($0.asOf.ordinal) }
        var minDay = days.min()!, maxDay = days.max()!
        let pad = max(1, (maxDay - minDay) * 0.06)
        minDay -= pad
        maxDay += pad
        let finiteTop = points.map { max($0.claim.value, $0.interval.low, $0.interval.high.isFinite ? $0.interval.high : 0) }.max()!
        let yMax = Timeline.niceCeiling(finiteTop * 1.12)
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ day: Double) -> Double { left + (day - minDay) / (maxDay - minDay) * plotW }
        func y(_ value: Double) -> Double { top + plotH - min(value, yMax) / yMax * plotH }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }

        let title = [series.place, Check.words(series.category), series.populationLabel, series.title].compactMap { $0 }.joined(separator: " · ")
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(Report.escape(title))\">"
        s += "<title>\(Report.escape(title))</title>"
        s += "<text x=\"\(f(left))\" y=\"20\" font-size=\"14\" font-weight=\"600\" fill=\"#1f2328\">\(Report.escape(title))</text>"
        // Axes and grid.
        for k in 0...4 {
            let v = yMax * Double(k) / 4
            s += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\" stroke=\"#eaeef2\"/>"
            s += "<text x=\"\(f(left - 8))\" y=\"\(f(y(v) + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#57606a\">\(FigureInterval.format(v))\(points[0].claim.unit == .percent ? "%" : "")</text>"
        }
        s += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(0)))\" y2=\"\(f(y(0)))\" stroke=\"#8c959f\"/>"
        s += "<line x1=\"\(f(left))\" x2=\"\(f(left))\" y1=\"\(f(top))\" y2=\"\(f(y(0)))\" stroke=\"#8c959f\"/>"
        let distinct = Array(Set(points.map(\.asOf))).sorted()
        let step = max(1, Int((Double(distinct.count) / 6).rounded(.up)))
        for (k, day) in distinct.enumerated() where k % step == 0 || k == distinct.count - 1 {
            let dx = x(Double(day.ordinal))
            s += "<line x1=\"\(f(dx))\" x2=\"\(f(dx))\" y1=\"\(f(y(0)))\" y2=\"\(f(y(0) + 5))\" stroke=\"#8c959f\"/>"
            s += "<text x=\"\(f(dx))\" y=\"\(f(y(0) + 18))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#57606a\">\(day.iso)</text>"
        }
        // The figures in time order, joined faintly.
        let path = points.map { "\(f(x(Double($0.asOf.ordinal)))),\(f(y($0.claim.value)))" }.joined(separator: " ")
        s += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"#afb8c1\" stroke-dasharray=\"4 3\"/>"
        // Labels keep clear of every point's marker and of each other.
        let labelled = points.count <= Timeline.labelLimit
        var placed: [Box] = labelled ? points.map { Box(x: x(Double($0.asOf.ordinal)) - 6, y: y($0.claim.value) - 6, width: 12, height: 12) } : []
        for point in points {
            let flagged = series.flagged.contains(point.claim.id)
            let color = flagged ? "#cf222e" : "#0969da"
            let px = x(Double(point.asOf.ordinal))
            let low = y(point.interval.low)
            let high = point.interval.high.isFinite ? y(point.interval.high) : top
            s += "<g class=\"point\" data-claim=\"\(Report.escape(point.claim.id))\">"
            s += "<title>\(Report.escape("\(point.claim.article) (\(point.claim.published?.iso ?? "?")): \(point.claim.text) [\(point.interval)] as of \(point.asOf.iso) — \(point.claim.sentence)"))</title>"
            s += "<line x1=\"\(f(px))\" x2=\"\(f(px))\" y1=\"\(f(low))\" y2=\"\(f(high))\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            s += "<line x1=\"\(f(px - 5))\" x2=\"\(f(px + 5))\" y1=\"\(f(low))\" y2=\"\(f(low))\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            if point.interval.high.isFinite {
                s += "<line x1=\"\(f(px - 5))\" x2=\"\(f(px + 5))\" y1=\"\(f(high))\" y2=\"\(f(high))\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            } else {
                s += "<polygon points=\"\(f(px - 5)),\(f(top + 7)) \(f(px + 5)),\(f(top + 7)) \(f(px)),\(f(top - 1))\" fill=\"\(color)\"/>"
            }
            let everyone = point.claim.population == nil || PopulationKey.key(point.claim.population) == nil
            s += "<circle cx=\"\(f(px))\" cy=\"\(f(y(point.claim.value)))\" r=\"5\" fill=\"\(everyone ? "#fff" : color)\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            guard labelled else {
                s += "</g>"
                continue
            }
            // Label: the figure as written and a short article id, moved up (then down) until it
            // overlaps no label placed before it.
            let label = "\(point.claim.text) · \(Timeline.short(point.claim.article))"
            let labelWidth = Double(label.count) * 6.3
            let anchor = px > width - right - labelWidth - 12 ? "end" : "start"
            let lx = anchor == "end" ? px - 9 : px + 9
            let left = anchor == "end" ? lx - labelWidth : lx
            let base = y(point.claim.value) - 8
            var ly = base
            for step in [0.0, -14, -28, 16, 30, -42, 44, -56] {
                ly = min(max(base + step, top + 10), y(0) - 4)
                if !placed.contains(where: { $0.overlaps(left, ly - 10, labelWidth, 13) }) { break }
            }
            placed.append(Box(x: left, y: ly - 10, width: labelWidth, height: 13))
            s += "<text x=\"\(f(lx))\" y=\"\(f(ly))\" font-size=\"11\" text-anchor=\"\(anchor)\" fill=\"\(flagged ? "#cf222e" : "#1f2328")\">\(Report.escape(label))</text>"
            s += "</g>"
        }
        s += "</svg>"
        return s
    }

    /// A label's box, to keep labels apart.
    struct Box {
        let x, y, width, height: Double
        func overlaps(_ x2: Double, _ y2: Double, _ w2: Double, _ h2: Double) -> Bool {
            x < x2 + w2 && x2 < x + width && y < y2 + h2 && y2 < y + height
        }
    }

    /// `000_4a6e32533eaab717` → `000`; other ids up to 16 characters.
    static func short(_ article: String) -> String {
        if let underscore = article.firstIndex(of: "_"), article.distance(from: article.startIndex, to: underscore) >= 2 {
            let head = article[..<underscore]
            if head.allSatisfy(\.isNumber) { return String(head) }
        }
        return article.count > 16 ? String(article.prefix(15)) + "…" : article
    }

    /// The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `value`.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for m in [1.0, 2.0, 2.5, 5.0, 10.0] where m * magnitude >= value { return m * magnitude }
        return 10 * magnitude
    }
}
