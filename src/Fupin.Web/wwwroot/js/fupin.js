// The browser's location for a visit record: resolves to {latitude, longitude, accuracy} or {error}.
window.fupinLocate = function () {
    return new Promise(function (resolve) {
        if (!navigator.geolocation) {
            resolve({ error: "此浏览器不支持定位" });
            return;
        }
        navigator.geolocation.getCurrentPosition(
            function (p) { resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy }); },
            function (e) { resolve({ error: e.code === 1 ? "未允许定位，请在浏览器设置中允许本网站使用位置信息" : "定位失败：" + e.message }); },
            { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
};
