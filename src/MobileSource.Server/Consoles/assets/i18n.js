// Words of the consoles in 简体中文 (default) and English; elements name theirs with data-i18n="key".
const words = {
  zh: {
    appName: '鹤壁机动车排放监管', signInTitle: '登录', userName: '用户名', password: '密码', signIn: '登录', signOut: '退出',
    required: '必填', wrongPassword: '用户名或密码错误', tooManyTries: '尝试次数过多，请一分钟后再试', invalidInput: '输入无效（用户名最多 64 个字符）', locked: '密码错误次数过多，账户已锁定至 {until}；管理员可提前解锁。',
    denied: '您的角色无权打开该页面：{page}', networkError: '无法连接服务器，请稍后重试',
    policeBoard: '交警实时布控', signedInAs: '{name}（{role}）', noHits: '暂无布控车辆', newHit: '新布控车辆',
    plate: '号牌', colour: '颜色', reason: '原因', where: '地点', when: '时间', kind: '类型',
    'kind.listed': '列入黑名单', 'kind.sighting': '黑名单车辆出现', connected: '实时连接', reconnecting: '正在重新连接…',
    home: '工作台', homeText: '您的角色为 {role}，没有网页工作台；请使用 API（/openapi/v1.json）。',
    'role.admin': '管理员', 'role.operator': '操作员', 'role.police': '交警', 'role.inspection-station': '检验站',
    'role.repair-station': '维修站', 'role.bureau-analyst': '生态环境局分析员', 'role.device': '设备',
    evidence: '证据', noEvidence: '无图片证据（遥感检测列入，证据为检测数据）',
    myCheckpoints: '本屏筛选（按地点）', myCheckpointsHelp: '只看并只提醒所选地点的车辆；都不选则显示负责范围内的全部车辆。', allPlaces: '全部地点',
    assignedCheckpoints: '负责卡口：{places}', cityWide: '负责卡口：全城（管理员未分配卡口）', checkpoints: '负责卡口', setCheckpoints: '设置卡口',
    checkpointsOf: '{name} 负责的卡口', checkpointsHelp: '交警只看到并只提醒这些地点的布控车辆，当日路检指标也按这些地点计算；都不选即负责全城。',
    otherPlace: '其他地点（如路检卡口名称）',
    'place.site': '遥感监测点 {site}', 'place.camera': '摄像机 {camera}（{site}）',
    quota: '今日路检 {checks} 辆 / 重型车 {seen} 辆 = {share}（目标 ≥15%）',
    quotaAtPlaces: '今日在负责卡口路检 {checks} 辆 / 卡口所见重型车 {seen} 辆 = {share}（目标 ≥15%）',
    intercept: '记录拦截', interceptTitle: '路检拦截记录', checkpoint: '拦截地点', smokeK: '自由加速烟度 k (m⁻¹)',
    obdCommunicationOk: 'OBD 通讯正常', obdMilOn: '故障指示灯亮', obdFaultCodes: 'OBD 故障码数', obdReadiness: '就绪状态完成',
    decision: '处理', 'decision.penalty': '处罚（6063）', 'decision.release': '放行', fineYuan: '罚款（元，0 为警告）', note: '备注',
    save: '保存', cancel: '取消', unknown: '未检', yes: '是', no: '否', action: '处理结果',
    'outcome.failed': '路检不合格', 'outcome.passed': '路检合格', 'outcome.Penalty': '已处罚 6063', 'outcome.Release': '已放行', yuan: '元',
    stationConsole: '检验/维修站工作台', lookUp: '查询', plateInput: '号牌（如 豫F12345）', plateColour: '号牌颜色',
    listedYes: '已列入黑名单', listedNo: '未列入黑名单', deadline: '整改期限', state: '状态', repairs: '维修记录', noRepairs: '暂无维修记录',
    retestAllowed: '可以复检', retestRefused: '暂不能复检：{why}', recordRepair: '登记维修', items: '维修项目（逗号分隔）', notes: '说明',
    submitTest: '提交检验', method: '检验方法', 'method.FreeAcceleration': '自由加速法', 'method.LugDown': '加载减速法', 'method.Obd': 'OBD 检查',
    'method.Ringelmann': '林格曼黑度', noxPpm: 'NOx (ppm)', ringelmannLevel: '林格曼级数', station: '站点名称',
    testPassed: '检验合格', testFailed: '检验不合格', delisted: '已移出黑名单', repairRecorded: '维修已登记',
    'state.Listed': '已列入', 'state.Notified': '已通知', 'state.Repaired': '已维修', 'state.Overdue': '已逾期', 'state.Delisted': '已移出',
    adminConsole: '系统管理', accountsTitle: '人员账户', displayName: '姓名', role: '角色', lockedUntil: '锁定至', unlock: '解锁',
    createAccount: '新建账户', keysTitle: 'API 密钥（设备与站点软件）', keyName: '名称', issueKey: '签发密钥', revoke: '吊销', revoked: '已吊销',
    keyShownOnce: '新密钥（只显示这一次，请立即交给设备）：{key}', auditTitle: '审计记录', actor: '操作人', actionName: '操作', subject: '对象',
    detail: '详情', fromAddress: '来源地址', created: '已创建',
    camerasTitle: '摄像机', camerasLink: '摄像机', reviewLink: '抓拍审核', fps: '帧率', frames: '帧数', dropped: '丢帧', restarts: '重启',
    lastError: '最近错误', start: '启动', stop: '停止', liveView: '实时画面', 'state.Starting': '启动中', 'state.Live': '运行中',
    'state.Reconnecting': '重连中', 'state.Failed': '故障', 'state.Stopped': '已停止', smokeScore: '黑烟', noFrameYet: '等待画面…',
    addCamera: '添加摄像机', editCamera: '编辑', cameraId: '编号（字母、数字、- 或 _）', cameraSource: '视频源地址', lane: '车道',
    sourceHint: '网络摄像机的 RTSP/HTTP 地址；密码只保存在服务器，不再显示（显示为 ***，不改即保留）。',
    travelDirection: '车辆行驶方向', 'direction.Away': '驶离摄像机（拍车尾）', 'direction.Toward': '驶向摄像机（拍车头）',
    detectWidth: '检测宽度（像素）', detectHeight: '检测高度（像素）', detectFps: '检测帧率', ioTimeoutSeconds: '网络超时（秒）', cameraEnabled: '启用（随服务器启动）',
    cameraRecord: '录像（用于证据视频）', removeCamera: '删除摄像机', removeCameraConfirm: '删除摄像机 {id}？其抓拍和证据会保留。',
    operatorConsole: '黑烟抓拍审核', pending: '待审核', noPending: '暂无待审核抓拍', camera: '摄像机', ringelmann: '林格曼',
    limit: '限值', plateRead: '识别号牌', correctionReason: '修改号牌原因', confirm: '确认违法', reject: '驳回', rejectReason: '驳回原因',
    confirmed: '已确认，已转为违法记录', rejected: '已驳回', conflict: '该抓拍已被他人处理或已变更',
    'kind.vehicle': '车辆', 'kind.smoke': '黑烟', 'kind.plate': '号牌', 'kind.clip': '视频',
    blacklistTitle: '黑名单查询', searchPlate: '号牌（部分即可）', exportCsv: '导出 CSV', foundCount: '共 {n} 条',
    registryTitle: '车辆登记信息导入', registryFile: '登记信息 CSV 文件', importRegistry: '导入', uploading: '正在上传 {percent}%…',
    importing: '正在导入…', importedSummary: '读取 {read} 行：新增 {inserted}，更新 {updated}，未变 {unchanged}，拒绝 {rejected}',
    downloadRejected: '下载被拒绝的行', chooseFile: '请选择文件',
    monthlyReport: '月报', reportTitle: '鹤壁市机动车排放监管月报（{month}）', print: '打印 / 另存为 PDF', month: '月份',
    reportSummary: '本月遥感有效检测 {readings} 次，超标 {over} 次（超标率 {rate}）；黑烟抓拍 {captures} 起，确认 {confirmed} 起；列入黑名单 {listed} 辆，移出 {delisted} 辆。目前未结案件 {open} 件，其中逾期 {overdue} 件；列入至移出中位 {median} 天。路检 {checks} 辆，占重型车 {seen} 辆的 {share}（目标 ≥15%）；柴油车已检 {diesel}。',
    bureauConsole: '生态环境局监管看板', span: '统计区间', from: '起', to: '止', show: '查看', readingsPerDay: '遥感检测量与超标率（每日）',
    blacklistFlow: '黑名单列入与移出（每日）', capturesPerDay: '黑烟抓拍（每日）', sitesTitle: '各站点超标率', casesTitle: '案件',
    openCases: '未结', overdueCases: '逾期', closedCases: '已结', medianDays: '列入至移出中位天数', planTitle: '计划目标进度',
    roadsideShare: '路检占重型车流量比例（目标 ≥15%）', dieselChecked: '柴油车已检比例', readings: '检测量', overLimitRate: '超标率',
    listedCount: '列入', delistedCount: '移出', capturesCount: '抓拍', confirmedCount: '确认', site: '站点', noData: '无数据',
    'colour.blue': '蓝', 'colour.yellow': '黄', 'colour.white': '白', 'colour.black': '黑', 'colour.green': '绿',
    'colour.yellowgreen': '黄绿', 'colour.other': '其他',
    'reason.RemoteSensingOverLimit': '遥感检测超标', 'reason.BlackSmokeCapture': '黑烟抓拍', 'reason.RoadsideCheckFailed': '路检不合格',
    'reason.InspectionFailed': '定期检验不合格', 'reason.ObdFaultOrTampering': 'OBD 故障或篡改',
  },
  en: {
    appName: 'Hebi vehicle emission enforcement', signInTitle: 'Sign in', userName: 'User name', password: 'Password', signIn: 'Sign in',
    signOut: 'Sign out', required: 'Required', wrongPassword: 'Wrong user name or password',
    tooManyTries: 'Too many tries from here: wait a minute', invalidInput: 'Not valid (a user name has at most 64 characters)',
    locked: 'Too many wrong passwords: the account is locked until {until}; an administrator can unlock it sooner.',
    denied: 'Your role may not open that page: {page}', networkError: 'The server cannot be reached; try again shortly',
    policeBoard: 'Police live board', signedInAs: '{name} ({role})', noHits: 'No flagged vehicles yet', newHit: 'New flagged vehicle',
    plate: 'Plate', colour: 'Colour', reason: 'Reason', where: 'Where', when: 'When', kind: 'Kind',
    'kind.listed': 'listed', 'kind.sighting': 'listed vehicle seen', connected: 'live', reconnecting: 'reconnecting…',
    home: 'Home', homeText: 'Your role is {role}, which has no web console; use the API (/openapi/v1.json).',
    'role.admin': 'administrator', 'role.operator': 'operator', 'role.police': 'traffic police', 'role.inspection-station': 'inspection station',
    'role.repair-station': 'repair station', 'role.bureau-analyst': 'bureau analyst', 'role.device': 'device',
    evidence: 'Evidence', noEvidence: 'No pictures (listed by remote sensing: the readings are the evidence)',
    myCheckpoints: 'Filter this screen (by place)', myCheckpointsHelp: 'Show and alert only vehicles at the places ticked; none ticked shows everything you cover.',
    allPlaces: 'all places', assignedCheckpoints: 'Your checkpoints: {places}', cityWide: 'Your checkpoints: the whole city (none assigned)',
    checkpoints: 'Checkpoints', setCheckpoints: 'Set checkpoints', checkpointsOf: 'Checkpoints of {name}',
    checkpointsHelp: 'The officer sees and is alerted to flagged vehicles at these places only, and their day\'s quota counts these places; none ticked: the whole city.',
    otherPlace: 'Another place (e.g. a roadside checkpoint\'s name)',
    'place.site': 'remote-sensing site {site}', 'place.camera': 'camera {camera} at {site}',
    quota: 'Checked today: {checks} of {seen} heavy vehicles seen = {share} (target >= 15 %)',
    quotaAtPlaces: 'Checked today at your checkpoints: {checks} of {seen} heavy vehicles seen there = {share} (target >= 15 %)',
    intercept: 'Record interception', interceptTitle: 'Roadside interception', checkpoint: 'Checkpoint',
    smokeK: 'Free-acceleration smoke k (m⁻¹)', obdCommunicationOk: 'OBD communicates', obdMilOn: 'Malfunction lamp on',
    obdFaultCodes: 'OBD fault codes', obdReadiness: 'Readiness complete', decision: 'Decision', 'decision.penalty': 'Penalty (6063)',
    'decision.release': 'Release', fineYuan: 'Fine (yuan, 0 = warning)', note: 'Note', save: 'Save', cancel: 'Cancel',
    unknown: 'not checked', yes: 'yes', no: 'no', action: 'Outcome', 'outcome.failed': 'check failed', 'outcome.passed': 'check passed',
    'outcome.Penalty': 'penalised 6063', 'outcome.Release': 'released', yuan: 'yuan',
    stationConsole: 'Inspection / repair station', lookUp: 'Look up', plateInput: 'Plate (e.g. 豫F12345)', plateColour: 'Plate colour',
    listedYes: 'Listed', listedNo: 'Not listed', deadline: 'Repair deadline', state: 'State', repairs: 'Repairs', noRepairs: 'No repairs recorded',
    retestAllowed: 'Re-test allowed now', retestRefused: 'No re-test yet: {why}', recordRepair: 'Record repair', items: 'Repair items (comma-separated)',
    notes: 'Notes', submitTest: 'Submit test', method: 'Method', 'method.FreeAcceleration': 'free acceleration', 'method.LugDown': 'lug-down',
    'method.Obd': 'OBD check', 'method.Ringelmann': 'Ringelmann', noxPpm: 'NOx (ppm)', ringelmannLevel: 'Ringelmann level', station: 'Station',
    testPassed: 'Test passed', testFailed: 'Test failed', delisted: 'Delisted', repairRecorded: 'Repair recorded',
    'state.Listed': 'listed', 'state.Notified': 'notified', 'state.Repaired': 'repaired', 'state.Overdue': 'overdue', 'state.Delisted': 'delisted',
    adminConsole: 'Administration', accountsTitle: 'People\'s accounts', displayName: 'Name', role: 'Role', lockedUntil: 'Locked until',
    unlock: 'Unlock', createAccount: 'Create account', keysTitle: 'API keys (devices and station software)', keyName: 'Name', issueKey: 'Issue key',
    revoke: 'Revoke', revoked: 'revoked', keyShownOnce: 'New key (shown only this once; hand it to the device now): {key}', auditTitle: 'Audit trail',
    actor: 'Who', actionName: 'Action', subject: 'Subject', detail: 'Detail', fromAddress: 'From', created: 'Created',
    camerasTitle: 'Cameras', camerasLink: 'Cameras', reviewLink: 'Capture review', fps: 'fps', frames: 'frames', dropped: 'dropped',
    restarts: 'restarts', lastError: 'last error', start: 'Start', stop: 'Stop', liveView: 'Live view', 'state.Starting': 'starting',
    'state.Live': 'live', 'state.Reconnecting': 'reconnecting', 'state.Failed': 'failed', 'state.Stopped': 'stopped', smokeScore: 'smoke',
    noFrameYet: 'waiting for a picture…',
    addCamera: 'Add camera', editCamera: 'Edit', cameraId: 'Id (letters, digits, - or _)', cameraSource: 'Stream address', lane: 'Lane',
    sourceHint: 'The network camera\'s RTSP/HTTP address; a password stays on the server and is not shown again (*** keeps it).',
    travelDirection: 'Travel direction', 'direction.Away': 'away from the camera (rear plates)', 'direction.Toward': 'toward the camera (front plates)',
    detectWidth: 'Detect width (px)', detectHeight: 'Detect height (px)', detectFps: 'Detect fps', ioTimeoutSeconds: 'Network timeout (s)', cameraEnabled: 'Enabled (starts with the server)',
    cameraRecord: 'Record (for evidence clips)', removeCamera: 'Remove camera', removeCameraConfirm: 'Remove camera {id}? Its captures and evidence stay.',
    operatorConsole: 'Black-smoke capture review', pending: 'Pending review', noPending: 'No captures waiting', camera: 'Camera',
    ringelmann: 'Ringelmann', limit: 'limit', plateRead: 'Plate read', correctionReason: 'Reason for changing the plate', confirm: 'Confirm violation',
    reject: 'Reject', rejectReason: 'Reason for rejecting', confirmed: 'Confirmed: it is now a violation', rejected: 'Rejected',
    conflict: 'Someone else decided or changed this capture', 'kind.vehicle': 'vehicle', 'kind.smoke': 'smoke', 'kind.plate': 'plate', 'kind.clip': 'clip',
    blacklistTitle: 'Blacklist search', searchPlate: 'Plate (any part)', exportCsv: 'Export CSV', foundCount: '{n} entries',
    registryTitle: 'Vehicle registry import', registryFile: 'Registry CSV file', importRegistry: 'Import', uploading: 'Uploading {percent}%…',
    importing: 'Importing…', importedSummary: 'Read {read} rows: {inserted} new, {updated} updated, {unchanged} unchanged, {rejected} rejected',
    downloadRejected: 'Download the rejected rows', chooseFile: 'Choose a file',
    monthlyReport: 'Monthly report', reportTitle: 'Hebi vehicle emission enforcement: monthly report ({month})', print: 'Print / save as PDF', month: 'Month',
    reportSummary: 'This month {readings} valid remote-sensing readings, {over} over the limit ({rate}); {captures} black-smoke captures, {confirmed} confirmed; {listed} vehicles listed, {delisted} delisted. Open cases: {open}, of them {overdue} overdue; median {median} days from listing to delisting. Roadside checks: {checks} of {seen} heavy vehicles seen, {share} (target >= 15 %); diesel fleet checked: {diesel}.',
    bureauConsole: 'Bureau dashboard', span: 'Span', from: 'from', to: 'to', show: 'Show', readingsPerDay: 'Remote-sensing readings and over-limit rate per day',
    blacklistFlow: 'Blacklist in and out per day', capturesPerDay: 'Black-smoke captures per day', sitesTitle: 'Over-limit rate by site', casesTitle: 'Cases',
    openCases: 'open', overdueCases: 'overdue', closedCases: 'closed', medianDays: 'median days from listing to delisting', planTitle: 'Progress against the plan',
    roadsideShare: 'roadside checks / heavy vehicles seen (target >= 15 %)', dieselChecked: 'diesel fleet checked', readings: 'readings',
    overLimitRate: 'over-limit rate', listedCount: 'listed', delistedCount: 'delisted', capturesCount: 'captures', confirmedCount: 'confirmed',
    site: 'Site', noData: 'no data',
    'colour.blue': 'blue', 'colour.yellow': 'yellow', 'colour.white': 'white', 'colour.black': 'black', 'colour.green': 'green',
    'colour.yellowgreen': 'yellow-green', 'colour.other': 'other',
    'reason.RemoteSensingOverLimit': 'remote sensing over the limit', 'reason.BlackSmokeCapture': 'black smoke captured',
    'reason.RoadsideCheckFailed': 'roadside check failed', 'reason.InspectionFailed': 'inspection failed',
    'reason.ObdFaultOrTampering': 'OBD fault or tampering',
  },
};

export function language() {
  return localStorage.getItem('lang') === 'en' ? 'en' : 'zh';
}

export function t(key, values = {}) {
  const text = words[language()][key] ?? words.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

// Alerts name a place as "remote-sensing site X" or "camera X at Y" (AlertPlaces on the server); shown in the page's
// language. Any other place (a checkpoint an officer typed, a station) is shown as it is.
export function placeLabel(place) {
  if (!place) return '';
  const site = /^remote-sensing site (.+)$/.exec(place);
  if (site) return t('place.site', { site: site[1] });
  const camera = /^camera (\S+) at (.+)$/.exec(place);
  if (camera) return t('place.camera', { camera: camera[1], site: camera[2] });
  return place;
}

export function translatePage() {
  document.documentElement.lang = language() === 'en' ? 'en' : 'zh-CN';
  // The server answers in the page's language too (field messages, reasons): it reads this cookie.
  document.cookie = `lang=${language()}; path=/; SameSite=Strict; max-age=31536000`;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  const toggle = document.getElementById('language');
  if (toggle) {
    toggle.textContent = language() === 'en' ? '中文' : 'English';
  }
}

export function wireLanguageToggle(onChange) {
  document.getElementById('language')?.addEventListener('click', () => {
    localStorage.setItem('lang', language() === 'en' ? 'zh' : 'en');
    translatePage();
    onChange?.();
  });
  translatePage();
}
