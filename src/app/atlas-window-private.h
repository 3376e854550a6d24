/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-window-private.h: the window's fields and the functions its files (-actions, -dnd, -present, -reload) share. */
#pragma once

#include <adwaita.h>

#include "atlas-table-view.h"
#include "atlas-view-controls.h"
#include "atlas-window.h"

G_BEGIN_DECLS

typedef struct _AtlasWindowBriefing AtlasWindowBriefing;

struct _AtlasWindow
{
  GtkApplicationWindow  parent_instance;

  AtlasDataset         *dataset;
  AtlasViewState       *states[ATLAS_VIEW_N_VIEWS];
  GSignalGroup         *state_signals;  /* on the current view's state */
  AtlasView             view;
  AtlasStyle           *style;
  gboolean              show_sidebar;
  gboolean              show_table;
  gboolean              table_dirty;  /* the state changed since the table was made */
  GSettings            *settings;     /* NULL when the schema is not installed */
  guint                 generation;

  /* errors */
  char                 *last_error;
  gboolean              error_dialogs;
  GtkWidget            *error_dialog;

  /* loading and watching */
  GCancellable         *load_cancellable;
  gboolean              loading;
  GFile                *watched_file;
  GFileMonitor         *monitor;
  guint                 reload_timeout_id;
  gboolean              file_missing;

  GtkFileChooserNative *open_chooser;  /* kept until its response */
  GtkFileChooserNative *csv_chooser;
  GtkFileChooserNative *briefing_chooser_native;  /* Export Briefing as PDF */
  GtkWidget            *briefing_chooser;  /* which briefing to present; weak */
  GtkWidget            *presentation;      /* the running presentation; weak */
  gulong                after_paint_id;
  GdkFrameClock        *frame_clock;

  /* template */
  GtkHeaderBar         *header_bar;
  AtlasViewControls    *view_controls;
  GtkWidget            *view_switcher;
  AdwSqueezer          *title_squeezer;
  AdwWindowTitle       *window_title;
  GtkRevealer          *bottom_switcher;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  AdwToastOverlay      *toast_overlay;
  AdwToast             *notice;       /* the toast that stays while it holds; NULL once dismissed */
  char                 *notice_text;
  AdwToast             *toast;        /* the passing toast still up; weak */
  char                 *last_toast;   /* what the latest passing toast said */
  AdwFlap              *flap;
  GtkWidget            *content_box;
  GtkStack             *content_stack;
  AdwStatusPage        *empty_page;
  char                 *empty_title;        /* the page's words with no dataset, */
  char                 *empty_description;  /* put back after a failed state */
  AtlasChartView       *chart_view;
  AtlasTableView       *table_view;   /* NULL until the table is first shown */
  AtlasSidebar         *sidebar;

  AtlasWindowBriefing  *briefing;     /* atlas-window-briefing.c */
};

/* atlas-window.c */
/* A notice that stays until hidden (a deleted file), as a toast. */
void     atlas_window_show_notice        (AtlasWindow *self, const char *text);
void     atlas_window_hide_notice        (AtlasWindow *self);
/* A passing notice: @text is plain text, never markup. */
void     atlas_window_add_toast          (AtlasWindow *self, const char *text);
/* Reports a dataset that failed to load, with every problem found. */
void     atlas_window_report_load_error  (AtlasWindow *self, const GError *error, char **messages);
void     atlas_window_update_actions     (AtlasWindow *self);

/* atlas-window-actions.c */
void     atlas_window_class_install_actions (GtkWidgetClass *widget_class);

/* atlas-window-present.c */
/* win.present: the dataset's briefing (asking which when it has several),
 * else one slide per view. */
void     atlas_window_start_presentation    (AtlasWindow *self);
/* win.export-briefing: a file chooser, then the briefing as a PDF deck. */
void     atlas_window_choose_briefing_pdf   (AtlasWindow *self);
/* win.notes-on-slide, the "notes-on-slide" setting as a menu's check box,
 * followed by a running presentation. */
void     atlas_window_init_present_settings (AtlasWindow *self);
/* Closes the presentation and the dialogs that start one or export it. */
void     atlas_window_dispose_presentation  (AtlasWindow *self);

/* atlas-window-text-size.c */
void       atlas_window_class_install_text_size_actions (GtkWidgetClass *widget_class);
void       atlas_window_init_text_size       (AtlasWindow *self);
/* The main menu's "−  100%  +" row, under its "Chart Text" heading. */
GtkWidget *atlas_window_create_text_size_row (AtlasWindow *self);

/* atlas-window-briefing.c: the briefing panel, its actions and saving. */
void     atlas_window_class_install_briefing_actions (GtkWidgetClass *widget_class);
void     atlas_window_init_briefing      (AtlasWindow *self);
void     atlas_window_dispose_briefing   (AtlasWindow *self);
/* TRUE when nothing unsaved would be lost by showing another dataset;
 * else asks (Cancel, Discard, Save) and opens @file after Discard or a
 * successful Save. */
gboolean atlas_window_briefings_may_close (AtlasWindow *self, GFile *file);

/* atlas-window-dnd.c */
void     atlas_window_init_dnd           (AtlasWindow *self);

/* atlas-window-reload.c */
/* Loads @path in a thread; @reload says it is the watched file again. */
void     atlas_window_load_async         (AtlasWindow *self, const char *path, gboolean reload);
void     atlas_window_watch_file         (AtlasWindow *self, GFile *file);
void     atlas_window_unwatch_file       (AtlasWindow *self);

G_END_DECLS
