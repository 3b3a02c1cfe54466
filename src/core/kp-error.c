/* kp-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kp-error.h"

G_DEFINE_QUARK (kp-error-quark, kp_error)
