/**
 * What every server-rendered page for people needs, written once: reading a bounded request body
 * ({@link com.klarefi.platform.web.BoundedBody}), URL-encoded forms
 * ({@link com.klarefi.platform.web.FormFields}) and multipart forms with files
 * ({@link com.klarefi.platform.web.MultipartForm}), protecting forms against cross-site posts
 * ({@link com.klarefi.platform.web.Csrf}) and escaping text into markup
 * ({@link com.klarefi.platform.web.HtmlText}). The applicant's intake page and the operators'
 * console both build on it; how a page is sent (headers, policy) is
 * {@link com.klarefi.platform.http.HtmlPages}.
 */
package com.klarefi.platform.web;
