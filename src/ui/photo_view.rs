//! Draws the clinic's photos ([`crate::content::photo`]): fitted to the reading column and
//! named by their description for screen readers; where the file could not be shown, its
//! description in a card instead of a broken picture.
//!
//! A photo becomes a texture the first time it is drawn, from the pixels decoded at load,
//! and the texture is kept in egui's memory: the wipe clears that memory with the
//! visitor, so the next visitor's Home holds no photo.

use std::sync::Arc;

use egui::{Id, Image, RichText, Stroke, TextureHandle, TextureOptions, Ui, Vec2};

use super::theme::{self, Palette};
use super::widgets;
use crate::content::photo::Photo;
use crate::content::picture::Pixels;

/// The tallest a photo is drawn, as a share of the screen's height: a portrait photo at
/// the column's width would fill more than the screen.
const MOST_OF_THE_SCREEN: f32 = 0.6;

pub fn show(ui: &mut Ui, c: &Palette, photo: &Photo) {
    let Some(pixels) = &photo.pixels else {
        widgets::card_with(ui, c.surface_muted, Stroke::new(1.0, c.border), |ui| {
            ui.label(
                RichText::new(&photo.description)
                    .italics()
                    .size(theme::BODY),
            );
        });
        return;
    };
    let texture = texture(ui, &photo.src, pixels);
    let [width, height] = pixels.size.map(|s| s as f32);
    let tallest = ui.ctx().content_rect().height() * MOST_OF_THE_SCREEN;
    let scale = (ui.available_width() / width).min(tallest / height);
    ui.vertical_centered(|ui| {
        ui.add(
            Image::new((texture.id(), Vec2::new(width, height) * scale))
                .corner_radius(theme::ROUNDING / 2)
                .alt_text(&photo.description),
        );
    });
}

/// The photo's texture, made on its first view and kept until the wipe; made again when
/// the content was loaded again with other pixels for it (a preview reloads on each save
/// without a wipe).
fn texture(ui: &Ui, src: &str, pixels: &Arc<Pixels>) -> TextureHandle {
    let id = Id::unique(("photo", src));
    let kept = ui.data(|d| d.get_temp::<(Arc<Pixels>, TextureHandle)>(id));
    if let Some((made_from, texture)) = kept
        && Arc::ptr_eq(&made_from, pixels)
    {
        return texture;
    }
    let image = egui::ColorImage::from_rgba_unmultiplied(pixels.size, &pixels.rgba);
    let texture = ui
        .ctx()
        .load_texture(format!("photo {src}"), image, TextureOptions::LINEAR);
    ui.data_mut(|d| d.insert_temp(id, (Arc::clone(pixels), texture.clone())));
    texture
}
