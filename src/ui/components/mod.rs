//! Pieces that more than one screen shows. Screens use these; they never call each other.

pub mod comparison;
pub mod consultation_card;
pub mod guide_page;
pub mod problem_list;
