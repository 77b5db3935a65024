/// Figures: numeric claims about people in news text.
public enum FiguresVersion {
    public static let string = "0.1.0"
}
