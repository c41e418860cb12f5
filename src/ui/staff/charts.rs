//! The counters as pictures, painted in the look's palette: bars a day for the last
//! days, and bars across for a few totals (the questionnaire's funnel, results,
//! languages). Each says its numbers in words too, beside it on screen and whole to a
//! screen reader.

use egui::{Align2, CornerRadius, FontId, Rect, RichText, Sense, Stroke, Ui, Vec2, pos2};

use crate::ui::theme::{self, Palette};

/// A chart's height: enough to tell a busy day from a quiet one at a glance.
const DAYS_HEIGHT: f32 = 160.0;
/// Room on the left for the scale, and under the bars for the dates.
const SCALE_WIDTH: f32 = 64.0;
const DATES_HEIGHT: f32 = 34.0;

/// One bar a day, oldest on the left: `days` are each day's label and count. `title`
/// heads it; `words` say its numbers beside it.
pub fn day_bars(ui: &mut Ui, c: &Palette, title: &str, days: &[(String, u64)], words: &str) {
    ui.label(RichText::new(title).size(theme::BODY).family(theme::bold()));
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, DAYS_HEIGHT), Sense::hover());
    response.widget_info(|| {
        let each: Vec<String> = days.iter().map(|(day, n)| format!("{day} {n}")).collect();
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!("{title}: {}", each.join(", ")),
        )
    });
    if ui.is_rect_visible(rect) && !days.is_empty() {
        paint_days(ui, c, rect, days);
    }
    ui.label(RichText::new(words).size(theme::SMALL).color(c.text_muted));
}

fn paint_days(ui: &Ui, c: &Palette, rect: Rect, days: &[(String, u64)]) {
    let painter = ui.painter();
    let bars = Rect::from_min_max(
        pos2(rect.left() + SCALE_WIDTH, rect.top() + 12.0),
        pos2(rect.right(), rect.bottom() - DATES_HEIGHT),
    );
    let most = days.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let label = |pos, align, text: String| {
        painter.text(
            pos,
            align,
            text,
            FontId::proportional(theme::SMALL),
            c.text_muted,
        );
    };
    // The scale: the busiest day's count at the top, nought at the bottom.
    for (y, n) in [(bars.top(), most), (bars.bottom(), 0)] {
        painter.hline(bars.x_range(), y, Stroke::new(1.0, c.border));
        label(
            pos2(bars.left() - 12.0, y),
            Align2::RIGHT_CENTER,
            n.to_string(),
        );
    }
    let slot = bars.width() / days.len() as f32;
    for (i, (_, n)) in days.iter().enumerate() {
        let x = bars.left() + slot * (i as f32 + 0.5);
        let height = (bars.height() * *n as f32 / most as f32).max(if *n > 0 { 3.0 } else { 0.0 });
        let bar = Rect::from_center_size(
            pos2(x, bars.bottom() - height / 2.0),
            Vec2::new(slot * 0.7, height),
        );
        let round = CornerRadius {
            nw: 3,
            ne: 3,
            sw: 0,
            se: 0,
        };
        painter.rect_filled(bar, round, c.accent);
    }
    // The first day, the middle one and today under their bars.
    let last = days.len() - 1;
    for i in [0, last / 2, last] {
        let x = bars.left() + slot * (i as f32 + 0.5);
        label(
            pos2(x, rect.bottom()),
            Align2::CENTER_BOTTOM,
            days[i].0.clone(),
        );
    }
}

/// A bar across for each row (its label above it, its number in words after it), each
/// as long as its share of the longest, all on the same scale.
pub fn across(ui: &mut Ui, c: &Palette, rows: &[(String, u64, String)]) {
    let most = rows.iter().map(|(_, n, _)| *n).max().unwrap_or(0).max(1);
    let font = FontId::new(theme::BODY, theme::bold());
    let words: Vec<_> = rows
        .iter()
        .map(|(_, _, shown)| {
            ui.painter()
                .layout_no_wrap(shown.clone(), font.clone(), c.text)
        })
        .collect();
    let widest = words.iter().map(|w| w.size().x).fold(0.0, f32::max);
    for ((label, n, shown), words) in rows.iter().zip(words) {
        ui.label(RichText::new(label).size(theme::BODY));
        let width = ui.available_width();
        let (rect, response) = ui.allocate_exact_size(Vec2::new(width, 40.0), Sense::hover());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Image, true, format!("{label}: {shown}"))
        });
        if ui.is_rect_visible(rect) {
            let track = Rect::from_min_size(
                rect.min,
                Vec2::new((rect.width() - widest - 24.0).max(0.0), rect.height()),
            );
            let painter = ui.painter();
            painter.rect(
                track,
                6.0,
                c.surface_muted,
                Stroke::new(1.0, c.border),
                egui::StrokeKind::Inside,
            );
            let share = *n as f32 / most as f32;
            let bar =
                Rect::from_min_size(track.min, Vec2::new(track.width() * share, track.height()));
            painter.rect_filled(bar, 6.0, c.accent);
            let at = pos2(track.right() + 16.0, rect.center().y - words.size().y / 2.0);
            painter.galley(at, words, c.text);
        }
        ui.add_space(8.0);
    }
}
