//! The guide: one page at a time, "page n of m", big Back and Next, and contents.

use egui::Ui;

use super::components::guide_page;
use super::screen::{Cx, Door, Gallery, IdleRule, Screen, ScreenKind, screen_basics};
use super::{layout, theme, widgets};

pub const KIND: ScreenKind = ScreenKind {
    key: "Guide",
    idle: IdleRule::Reading,
    open: || Box::<Guide>::default(),
    door: Some(Door {
        words: |s| (&s.guide_title, &s.guide_note),
        banner: false,
    }),
    gallery: |content| {
        let mut gallery: Gallery = (0..content.guide.len())
            .map(|page| {
                let name = match page {
                    0 => "guide".to_owned(),
                    _ => format!("guide page {}", page + 1),
                };
                let screen: Box<dyn Screen> = Box::new(Guide {
                    page,
                    contents: false,
                });
                (name, screen)
            })
            .collect();
        gallery.push((
            "guide contents".to_owned(),
            Box::new(Guide {
                page: 0,
                contents: true,
            }),
        ));
        gallery
    },
};

#[derive(Debug, Default)]
pub struct Guide {
    /// 0-based page.
    pub page: usize,
    /// The table of contents is showing instead of a page.
    pub contents: bool,
}

impl Guide {
    /// Shows page `page`, clamped to the `pages` there are.
    pub fn open_page(&mut self, page: usize, pages: usize) {
        self.page = page.min(pages.saturating_sub(1));
        self.contents = false;
    }
}

impl Screen for Guide {
    screen_basics!();

    fn show(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        let (content, s, c) = (cx.content, cx.strings(), cx.palette());
        let pages = content.guide.len();
        layout::top_bar(ui, cx, &s.guide_title, |ui, cx| {
            let label = if self.contents {
                &s.close_contents
            } else {
                &s.contents
            };
            if widgets::secondary_button(ui, c, label, true).clicked() {
                self.contents = !self.contents;
                cx.new_view();
            }
        });
        if self.contents {
            layout::body(ui, cx, "guide_contents", theme::READING_WIDTH, |ui, cx| {
                for (index, page) in content.guide.iter().enumerate() {
                    let label = format!("{}.  {}", index + 1, page.title);
                    let marker = widgets::Marker::Arrow;
                    if widgets::list_row(ui, c, &label, marker, index == self.page).clicked() {
                        self.open_page(index, pages);
                        cx.new_view();
                    }
                }
            });
            return;
        }
        let Some(page) = content.guide.get(self.page) else {
            return;
        };
        let last = self.page + 1 >= pages;
        let position = s.page_of(self.page + 1, pages);
        let (back, next) = layout::paging_bar(
            ui,
            cx,
            (&s.back, self.page > 0),
            Some((&s.next, !last)),
            Some(position),
        );
        if back || next {
            let page = if back {
                self.page.saturating_sub(1)
            } else {
                self.page + 1
            };
            self.open_page(page, pages);
            cx.new_view();
        }
        layout::body(ui, cx, "guide_page", theme::READING_WIDTH, |ui, _| {
            guide_page::show(ui, c, page, None, false)
        });
    }

    fn where_am_i(&self, cx: &Cx<'_>) -> Vec<String> {
        let (s, guide) = (cx.strings(), &cx.content.guide);
        let mut parts = vec![s.guide_title.clone()];
        match guide.get(self.page) {
            _ if self.contents => parts.push(s.contents.clone()),
            Some(page) => {
                parts.push(s.page_of(self.page + 1, guide.len()));
                parts.push(page.title.clone());
            }
            None => {}
        }
        parts
    }

    fn speech(&self, cx: &Cx<'_>) -> Vec<String> {
        let guide = &cx.content.guide;
        if self.contents {
            return guide.iter().map(|p| p.title.clone()).collect();
        }
        guide
            .get(self.page)
            .map(guide_page::speech)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_stays_within_the_guide() {
        let mut guide = Guide::default();
        guide.open_page(10, 3);
        assert_eq!(guide.page, 2);
        guide.contents = true;
        guide.open_page(0, 3);
        assert_eq!((guide.page, guide.contents), (0, false));
    }
}
