//! Everything that draws: the theme, shared widgets, and one module per screen.

pub mod compare;
pub mod components;
pub mod consultation;
pub mod faq;
pub mod guide;
pub mod home;
pub mod idle_warning;
pub mod markdown_view;
pub mod questionnaire;
pub mod screen;
pub mod staff;
pub mod theme;
pub mod widgets;
