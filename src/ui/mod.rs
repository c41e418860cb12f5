//! Everything that draws: the theme, shared widgets, and one module per screen.

pub mod compare;
pub mod faq;
pub mod guide;
pub mod home;
pub mod markdown_view;
pub mod theme;
pub mod widgets;
