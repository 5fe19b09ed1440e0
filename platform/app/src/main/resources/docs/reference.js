// Draws the interactive reference from this instance's own OpenAPI document; nothing is fetched
// from elsewhere (no validator badge, no remote presets).
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "openapi.json",
    dom_id: "#reference",
    deepLinking: true,
    docExpansion: "list",
    defaultModelsExpandDepth: 1,
    defaultModelExpandDepth: 4,
    displayRequestDuration: true,
    validatorUrl: null,
    tryItOutEnabled: false
  });
});
