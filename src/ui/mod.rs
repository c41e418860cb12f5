//! Everything that draws: the screen contract and registry, the theme, shared widgets and
//! components, and one module per screen.

pub mod compare;
pub mod components;
pub mod consultation;
pub mod diagram_view;
pub mod faq;
pub mod guide;
pub mod home;
pub mod idle_warning;
pub mod layout;
pub mod markdown_view;
pub mod photo_view;
pub mod pin_pad;
pub mod plain_fill;
pub mod questionnaire;
pub mod registry;
pub mod screen;
pub mod staff;
pub mod textures;
pub mod theme;
pub mod widgets;
