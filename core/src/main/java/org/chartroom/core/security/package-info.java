/** Who may do what: the roles of the HIM department. */
package org.chartroom.core.security;
