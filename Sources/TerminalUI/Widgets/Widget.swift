/// Something that draws itself into a rectangle of a grid.
///
/// Widgets are values built fresh every frame from the application state; `render` must stay
/// inside `area` and never fail, whatever its size (zero included).
public protocol Widget {
    func render(into grid: inout CellGrid, area: Rect)
}
